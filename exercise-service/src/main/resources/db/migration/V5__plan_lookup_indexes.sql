-- Plan.supersededBy runs on every plan read (GET plans/active, GET plans/{id}, each change's
-- answer) and looked for the newer plan by reading the whole table; supersedes_id is also the
-- foreign key that an erasure's plan delete checks. A classification finds its plan by assessment,
-- and an erasure finds a patient's completions by patient.
create index plan_supersedes on plan (supersedes_id) where supersedes_id is not null;
create index plan_assessment on plan (assessment_id);
create index completion_patient on completion (clinic_id, patient_ref);
