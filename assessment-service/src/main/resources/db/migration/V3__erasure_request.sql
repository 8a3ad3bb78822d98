-- Erasure requests and each service's confirmation. The pseudonymous reference stays as the
-- record that the patient's data was erased, when and at whose request.
create table erasure_request (
    id                    uuid primary key,
    clinic_id             varchar(64)   not null,
    patient_ref           varchar(64)   not null,
    requested_at          timestamptz   not null,
    requested_by          varchar(200)  not null,
    assessment_erased_at  timestamptz,
    exercise_erased_at    timestamptz,
    progress_erased_at    timestamptz,
    completed_at          timestamptz
);

create index erasure_request_patient on erasure_request (clinic_id, patient_ref);
