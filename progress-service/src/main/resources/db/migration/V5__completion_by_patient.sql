-- Issue 13: an erasure deletes the patient's completions by clinic and patient. Without this index
-- the delete found them through the primary key by clinic alone, reading every completion of the
-- clinic (the whole table with one clinic): erasing one patient cost what all patients stored.
create index completion_patient on completion (clinic_id, patient_ref);
