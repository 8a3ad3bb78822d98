package dev.footwork.exercise.api;

import static dev.footwork.exercise.api.PlanTestClient.CLINIC;
import static dev.footwork.exercise.api.PlanTestClient.newPatient;
import static dev.footwork.exercise.api.PlanTestClient.newPlan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.footwork.contracts.vocabulary.PostureLevel;
import dev.footwork.exercise.ServiceQuarkusTest;
import dev.footwork.exercise.persistence.Plan;
import dev.footwork.exercise.persistence.PlanRevision;
import dev.footwork.support.tenancy.Tenancy;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Hibernate's tenant support, not where clauses, keeps one clinic's rows from another. */
@ServiceQuarkusTest
class TenantFilterTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void anotherClinicsSessionSeesNoneOfThePatientsRows() {
        String patient = newPatient();
        UUID planId = UUID.fromString(newPlan(bootstrapServers, patient, PostureLevel.PRONATED));

        assertThat(Tenancy.transaction(CLINIC).call(() -> Plan.byId(planId))).isPresent();
        assertThat(Tenancy.transaction("clinic-b").call(() -> Plan.byId(planId))).isEmpty();
        assertThat(Tenancy.transaction("clinic-b").call(() -> Plan.historyOf(patient))).isEmpty();
        assertThat(Tenancy.transaction("clinic-b").call(() -> PlanRevision.of(planId))).isEmpty();
        assertThat(Tenancy.transaction(Tenancy.NO_CLINIC).call(() -> Plan.count())).isZero();
    }

    @Test
    void aRowCannotBeWrittenIntoAnotherClinic() {
        String patient = newPatient();
        UUID planId = UUID.fromString(newPlan(bootstrapServers, patient, PostureLevel.NEUTRAL));
        Plan stored = Tenancy.transaction(CLINIC).call(() -> Plan.byId(planId).orElseThrow());

        assertThatThrownBy(
                        () ->
                                Tenancy.transaction("clinic-b")
                                        .run(
                                                () -> {
                                                    Plan copy = new Plan();
                                                    copy.id = UUID.randomUUID();
                                                    copy.clinicId = CLINIC;
                                                    copy.patientRef = patient;
                                                    copy.assessmentId = UUID.randomUUID();
                                                    copy.revision = 1;
                                                    copy.status = "SUPERSEDED";
                                                    copy.rulesVersion = stored.rulesVersion;
                                                    copy.startsOn = stored.startsOn;
                                                    copy.issuedAt = stored.issuedAt;
                                                    copy.content = stored.content;
                                                    copy.updatedAt = stored.updatedAt;
                                                    copy.persistAndFlush();
                                                }))
                .hasStackTraceContaining("tenant");
        assertThat(Tenancy.transaction(CLINIC).call(() -> Plan.historyOf(patient))).hasSize(1);
    }
}
