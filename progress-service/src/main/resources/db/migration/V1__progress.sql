-- The latest known revision of each plan, as published by exercise-service.
create table plan_view (
    plan_id      uuid primary key,
    clinic_id    varchar(64)  not null,
    patient_ref  varchar(64)  not null,
    revision     integer      not null,
    status       varchar(20)  not null,
    starts_on    date         not null,
    weeks        integer      not null,
    content      text         not null,
    updated_at   timestamptz  not null
);

create index plan_view_patient on plan_view (clinic_id, patient_ref, starts_on desc);

-- Running totals per plan; one row, whatever the number of completions.
create table plan_progress (
    plan_id             uuid primary key,
    clinic_id           varchar(64)  not null,
    patient_ref         varchar(64)  not null,
    completed_sessions  integer      not null,
    total_reps          bigint       not null,
    volume              bigint       not null,
    pain_sum            bigint       not null,
    pain_max            integer      not null,
    last_activity_at    timestamptz  not null,
    updated_at          timestamptz  not null
);

create index plan_progress_patient on plan_progress (clinic_id, patient_ref);
