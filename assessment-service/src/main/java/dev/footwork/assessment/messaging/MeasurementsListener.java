package dev.footwork.assessment.messaging;

import dev.footwork.assessment.application.RecordAssessment;
import dev.footwork.assessment.domain.FootInput;
import dev.footwork.contracts.EventType;
import dev.footwork.contracts.events.FootMeasurements;
import dev.footwork.contracts.events.MeasurementsSubmitted;
import dev.footwork.support.inbox.EventInbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Classifies measurements that clinic platforms publish on the measurements topic, checked by the
 * same rules as REST input; refused ones are dead-lettered ({@code invalid-measurements}) with the
 * fields named.
 */
@ApplicationScoped
public class MeasurementsListener {

    static final String CONSUMER = "assessment-service.measurements";

    private final EventInbox inbox;
    private final RecordAssessment recordAssessment;

    MeasurementsListener(EventInbox inbox, RecordAssessment recordAssessment) {
        this.inbox = inbox;
        this.recordAssessment = recordAssessment;
    }

    @Incoming("measurements")
    @Blocking
    public void on(ConsumerRecords<String, byte[]> records) {
        inbox.receive(
                CONSUMER,
                records,
                Set.of(EventType.MEASUREMENTS_SUBMITTED),
                event ->
                        recordAssessment.handle(
                                command(event.payload(MeasurementsSubmitted.class))));
    }

    /** Events carry neither running context nor notes, and need no key: the inbox de-duplicates. */
    private static RecordAssessment.Command command(MeasurementsSubmitted m) {
        return new RecordAssessment.Command(
                m.clinicId(),
                m.patientRef(),
                m.assessedAt(),
                m.assessor(),
                null,
                null,
                m.feet().stream().map(MeasurementsListener::foot).toList(),
                null);
    }

    private static FootInput foot(FootMeasurements f) {
        return new FootInput(
                f.side(),
                f.fpiItems(),
                f.fpiTotal(),
                f.navicularDropMm(),
                f.calcanealStanceDegrees(),
                f.peakRearfootEversionDegrees(),
                f.archHeightIndex());
    }
}
