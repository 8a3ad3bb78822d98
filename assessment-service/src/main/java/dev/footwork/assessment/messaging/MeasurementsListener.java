package dev.footwork.assessment.messaging;

import dev.footwork.assessment.api.NewAssessment;
import dev.footwork.assessment.api.NewFoot;
import dev.footwork.assessment.api.Submissions;
import dev.footwork.assessment.persistence.AssessmentRecorder;
import dev.footwork.contracts.EventType;
import dev.footwork.contracts.events.MeasurementsSubmitted;
import dev.footwork.support.api.ProblemException;
import dev.footwork.support.inbox.EventInbox;
import dev.footwork.support.inbox.PoisonEventException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Classifies measurements that clinic platforms publish on the measurements topic, with the same
 * validation as the REST API; invalid ones are dead-lettered with the fields named.
 */
@ApplicationScoped
public class MeasurementsListener {

    static final String CONSUMER = "assessment-service.measurements";

    private final EventInbox inbox;
    private final AssessmentRecorder recorder;
    private final Validator validator;

    MeasurementsListener(EventInbox inbox, AssessmentRecorder recorder, Validator validator) {
        this.inbox = inbox;
        this.recorder = recorder;
        this.validator = validator;
    }

    @Incoming("measurements")
    @Blocking
    public void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(
                CONSUMER,
                record,
                Set.of(EventType.MEASUREMENTS_SUBMITTED),
                event -> {
                    MeasurementsSubmitted measurements = event.payload(MeasurementsSubmitted.class);
                    NewAssessment body = toRequest(measurements);
                    Set<ConstraintViolation<NewAssessment>> violations = validator.validate(body);
                    if (!violations.isEmpty()) {
                        throw new PoisonEventException(
                                "invalid-measurements",
                                violations.stream()
                                        .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                                        .sorted()
                                        .collect(Collectors.joining("; ")));
                    }
                    try {
                        recorder.record(Submissions.of(event.clinicId(), body), Optional.empty());
                    } catch (ProblemException refused) {
                        throw new PoisonEventException(
                                "invalid-measurements", refused.getMessage());
                    }
                });
    }

    private static NewAssessment toRequest(MeasurementsSubmitted m) {
        return new NewAssessment(
                m.patientRef(),
                m.assessedAt(),
                m.assessor(),
                null,
                null,
                m.feet() == null
                        ? null
                        : m.feet().stream()
                                .map(
                                        f ->
                                                new NewFoot(
                                                        f.side(),
                                                        f.fpiItems(),
                                                        f.fpiTotal(),
                                                        f.navicularDropMm(),
                                                        f.calcanealStanceDegrees(),
                                                        f.peakRearfootEversionDegrees(),
                                                        f.archHeightIndex()))
                                .toList());
    }
}
