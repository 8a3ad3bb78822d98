package dev.footwork.progress.persistence;

import java.util.List;

/** The statements that delete what this service stores about a patient. */
public final class PatientDeletes {

    /**
     * Children before parents; ?1 is the clinic, ?2 the patient. A plan id is unique within its
     * clinic only: every statement names the clinic.
     */
    public static final List<String> STATEMENTS =
            List.of(
                    "delete from progress_week where clinic_id = ?1 and plan_id in (select"
                            + " plan_id from plan_progress where clinic_id = ?1 and patient_ref ="
                            + " ?2)",
                    "delete from progress_alert where clinic_id = ?1 and plan_id in (select"
                            + " plan_id from plan_progress where clinic_id = ?1 and patient_ref ="
                            + " ?2)",
                    "delete from completion where clinic_id = ?1 and patient_ref = ?2",
                    "delete from plan_progress where clinic_id = ?1 and patient_ref = ?2",
                    "delete from plan_view where clinic_id = ?1 and patient_ref = ?2");

    private PatientDeletes() {}
}
