-- Secondary measures, running context and notes; the tenant on every row; idempotent creation.

alter table assessment
    add column weekly_distance_km  numeric(6,1),
    add column shoe_type           varchar(20),
    add column notes               varchar(2000),
    add column superseded_by       uuid references assessment (id);

alter table foot_assessment
    add column clinic_id                  varchar(64),
    add column navicular_drop_mm          numeric(5,1),
    add column calcaneal_stance_degrees   numeric(5,1),
    add column running_eversion_degrees   numeric(5,1),
    add column arch_height_index          numeric(5,3),
    add column evidence                   text;

update foot_assessment f set clinic_id = a.clinic_id from assessment a where a.id = f.assessment_id;
alter table foot_assessment alter column clinic_id set not null;

-- A retried create with the same key returns the first assessment instead of making a second.
create table assessment_request (
    clinic_id        varchar(64)  not null,
    idempotency_key  varchar(200) not null,
    request_hash     varchar(64)  not null,
    assessment_id    uuid         not null references assessment (id),
    created_at       timestamptz  not null default now(),
    primary key (clinic_id, idempotency_key)
);
