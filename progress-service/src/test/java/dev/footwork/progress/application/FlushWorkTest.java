package dev.footwork.progress.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footwork.contracts.EventType;
import dev.footwork.contracts.events.PlanIssued;
import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.contracts.vocabulary.PlanContent.PlanStatus;
import dev.footwork.progress.ServiceQuarkusTest;
import dev.footwork.progress.domain.WorkedExample;
import dev.footwork.progress.messaging.ProgressListener;
import dev.footwork.progress.support.FlushedEntities;
import dev.footwork.progress.support.ProgressEvents;
import dev.footwork.progress.support.TestClock;
import dev.footwork.testkit.CloudEventRecords;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The work of a batch transaction grows with its events, not with their square: every flush walks
 * the whole persistence context, and Hibernate flushes before each query that may read what the
 * transaction changed, so a context that keeps growing through a poll of plans (or an evaluation
 * batch) makes each event dearer than the one before. Counted as entities visited by flushes per
 * event, a poll (a batch) of many costs what one of a few does.
 */
@ServiceQuarkusTest
class FlushWorkTest {

    private static final String CLINIC = "clinic-flush-work";
    private static final String SOURCE = "/footwork/exercise-service";
    private static final Instant AT = WorkedExample.ASSESSED_AT;
    private static final int FEW = 10;
    private static final int MANY = 300;

    @Inject ProgressListener listener;
    @Inject EvaluatePlans evaluator;
    @Inject TestClock clock;
    @Inject @PersistenceUnitExtension FlushedEntities flushed;
    @Inject AgroalDataSource dataSource;

    private long offset;

    @AfterEach
    void runTheClock() {
        clock.run();
    }

    @Test
    void aLargePollOfPlansCostsNoMoreFlushingPerPlanThanASmallOne() throws Exception {
        clock.stopAt(AT);
        List<UUID> few = new ArrayList<>();
        List<UUID> many = new ArrayList<>();

        double perPlanOfFew = flushedPerPlan(few, FEW);
        double perPlanOfMany = flushedPerPlan(many, MANY);

        assertThat(perPlanOfMany)
                .as(
                        "entities visited by flushes per plan, %d plans in a poll against %d",
                        MANY, FEW)
                .isLessThanOrEqualTo(2 * perPlanOfFew);
        assertApplied(few);
        assertApplied(many);
    }

    @Test
    void evaluatingManyDuePlansCostsNoMoreFlushingPerPlanThanAFew() throws Exception {
        clock.stopAt(AT);
        evaluator.evaluateDue(AT); // what other tests left due

        issue(new ArrayList<>(), FEW);
        long[] few = evaluated();
        issue(new ArrayList<>(), MANY);
        long[] many = evaluated();

        assertThat(few[0]).isGreaterThanOrEqualTo(FEW);
        assertThat(many[0]).isGreaterThanOrEqualTo(MANY);
        double perPlanOfFew = (double) few[1] / few[0];
        double perPlanOfMany = (double) many[1] / many[0];
        assertThat(perPlanOfMany)
                .as("entities visited by flushes per plan, %d plans due against %d", MANY, FEW)
                .isLessThanOrEqualTo(2 * perPlanOfFew);
    }

    /** Plans evaluated by a pass at AT, and the entities its flushes visited. */
    private long[] evaluated() {
        long[] plans = new long[1];
        long visited = flushed.during(() -> plans[0] = evaluator.evaluateDue(AT).plans());
        return new long[] {plans[0], visited};
    }

    private double flushedPerPlan(List<UUID> plans, int count) {
        return (double) issue(plans, count) / count;
    }

    /**
     * Applies one poll of {@code count} PlanIssued, each for a new patient; the flushed entities.
     */
    private long issue(List<UUID> plans, int count) {
        PlanContent content = WorkedExample.plan(PlanStatus.ACTIVE);
        List<ConsumerRecord<String, byte[]>> poll = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID plan = UUID.randomUUID();
            plans.add(plan);
            PlanIssued issued =
                    new PlanIssued(
                            plan,
                            CLINIC,
                            ProgressEvents.newPatient(),
                            UUID.randomUUID(),
                            1,
                            AT,
                            null,
                            content);
            poll.add(
                    consumed(
                            CloudEventRecords.record(
                                    EventType.PLAN_ISSUED,
                                    UUID.randomUUID().toString(),
                                    SOURCE,
                                    issued)));
        }
        TopicPartition partition = new TopicPartition(poll.get(0).topic(), 0);
        ConsumerRecords<String, byte[]> records =
                new ConsumerRecords<>(Map.of(partition, poll), Map.of());
        return flushed.during(() -> listener.onPlan(records));
    }

    /** The record as a consumer reads it from the broker. */
    private ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> sent) {
        return new ConsumerRecord<>(
                sent.topic(),
                0,
                offset++,
                AT.toEpochMilli(),
                TimestampType.CREATE_TIME,
                sent.key().length(),
                sent.value().length,
                sent.key(),
                sent.value(),
                sent.headers(),
                Optional.empty());
    }

    /** Every plan is known and has the week rows its prescription asks for. */
    private void assertApplied(List<UUID> plans) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement known =
                        c.prepareStatement(
                                "select count(*), count(distinct w.plan_id) from plan_view v join"
                                        + " progress_week w on w.clinic_id = v.clinic_id and"
                                        + " w.plan_id = v.plan_id where v.clinic_id = ? and"
                                        + " v.plan_id = any(?)")) {
            known.setString(1, CLINIC);
            known.setArray(2, c.createArrayOf("uuid", plans.toArray()));
            try (ResultSet n = known.executeQuery()) {
                n.next();
                assertThat(n.getLong(2)).as("plans with week rows").isEqualTo(plans.size());
                assertThat(n.getLong(1) % plans.size())
                        .as("the same rows for every plan of the same content")
                        .isZero();
            }
        }
    }
}
