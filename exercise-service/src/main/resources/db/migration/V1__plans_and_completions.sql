create table plan (
    id               uuid primary key,
    clinic_id        varchar(64)  not null,
    patient_ref      varchar(64)  not null,
    assessment_id    uuid         not null,
    revision         integer      not null,
    status           varchar(20)  not null,
    rules_version    varchar(64)  not null,
    starts_on        date         not null,
    issued_at        timestamptz  not null,
    supersedes_id    uuid references plan (id),
    content          text         not null,
    updated_at       timestamptz  not null
);

create index plan_patient on plan (clinic_id, patient_ref, issued_at desc);
create unique index plan_one_active on plan (clinic_id, patient_ref) where status = 'ACTIVE';

create table completion (
    id               uuid primary key,
    plan_id          uuid         not null references plan (id),
    plan_revision    integer      not null,
    clinic_id        varchar(64)  not null,
    patient_ref      varchar(64)  not null,
    exercise_id      varchar(40)  not null,
    side             varchar(5)   not null check (side in ('LEFT', 'RIGHT')),
    sets             integer      not null,
    reps             integer      not null,
    hold_seconds     integer      not null,
    band_colour      varchar(10),
    pain             integer      not null check (pain between 0 and 10),
    completed_at     timestamptz  not null,
    recorded_at      timestamptz  not null
);

create index completion_plan on completion (plan_id, completed_at);
