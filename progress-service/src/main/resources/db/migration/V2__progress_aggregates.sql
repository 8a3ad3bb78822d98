-- Issue 5: weekly tallies, stored completions, evaluated figures and emitted alerts.
-- The V1 running totals (a development slice) had no exercise or week and cannot be split into
-- weekly tallies: they are dropped, and plans count the completions that arrive from now on.

-- One row per plan: the lock every change to the plan's progress takes, its last activity and
-- the figures of the last evaluation (what the worklist sorts by).
drop table plan_progress;
create table plan_progress (
    plan_id               uuid primary key,
    clinic_id             varchar(64)   not null,
    patient_ref           varchar(64)   not null,
    last_activity_at      timestamptz,
    current_week          integer,
    adherence_percent     numeric(5, 1),
    adherence_7d_percent  numeric(5, 1),
    max_pain              integer       not null default 0,
    pain_trend            varchar(10)   not null default 'UNKNOWN',
    flags                 varchar(100)  not null default '',
    risk_score            integer       not null default 0,
    next_reassessment_on  date,
    evaluated_at          timestamptz,
    updated_at            timestamptz   not null
);

create index plan_progress_worklist on plan_progress (clinic_id, risk_score desc, adherence_7d_percent, patient_ref);

-- Every completion once (its id is the idempotency key). week is null while its plan is unknown:
-- it is counted when the plan arrives.
create table completion (
    completion_id  uuid primary key,
    clinic_id      varchar(64)  not null,
    patient_ref    varchar(64)  not null,
    plan_id        uuid         not null,
    exercise_id    varchar(32)  not null,
    side           varchar(5)   not null,
    sets           integer      not null,
    reps           integer      not null,
    hold_seconds   integer      not null,
    pain           integer      not null,
    completed_at   timestamptz  not null,
    received_at    timestamptz  not null,
    week           integer
);

create index completion_waiting on completion (plan_id) where week is null;
create index completion_recent on completion (plan_id, completed_at) where week is not null;

-- Per plan, week, exercise and foot: sessions prescribed and the running totals of those done.
create table progress_week (
    plan_id       uuid         not null,
    week          integer      not null,
    exercise_id   varchar(32)  not null,
    side          varchar(5)   not null,
    clinic_id     varchar(64)  not null,
    prescribed    integer      not null,
    completed     integer      not null,
    total_reps    bigint       not null,
    volume        bigint       not null,
    pain_sum      bigint       not null,
    pain_max      integer      not null,
    pain_above    integer      not null,
    primary key (plan_id, week, exercise_id, side)
);

-- Progress events already emitted: the key makes each alert once per plan, whichever replica
-- evaluates it, however often.
create table progress_alert (
    plan_id     uuid          not null,
    alert_key   varchar(64)   not null,
    clinic_id   varchar(64)   not null,
    event_type  varchar(100)  not null,
    event_id    uuid,
    emitted_at  timestamptz   not null,
    primary key (plan_id, alert_key)
);
