package dev.footwork.contracts.events;

/**
 * A payload that belongs to one patient of one clinic. Consumers check that these agree with the
 * CloudEvents {@code subject} and {@code clinicid} attributes of the record that carried it.
 */
public interface PatientEvent {
    String clinicId();

    String patientRef();
}
