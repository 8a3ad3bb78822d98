-- Patients erased in this service: events about them that happened before the erasure are not
-- applied any more (they may still be in flight on Kafka). Holds the pseudonymous reference only.
create table erased_patient (
    clinic_id    varchar(64)  not null,
    patient_ref  varchar(64)  not null,
    erasure_id   uuid         not null,
    erased_at    timestamptz  not null,
    primary key (clinic_id, patient_ref, erasure_id)
);
