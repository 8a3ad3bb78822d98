-- Every revision of every plan, so the plan history can be shown and a completion logged late
-- (offline) is checked against the revision that was in force when it was done.
create table plan_revision (
    plan_id          uuid         not null references plan (id),
    revision         integer      not null,
    clinic_id        varchar(64)  not null,
    reason           varchar(30)  not null,
    status           varchar(20)  not null,
    content          text         not null,
    revised_at       timestamptz  not null,
    primary key (plan_id, revision)
);

create index plan_revision_in_force on plan_revision (plan_id, revised_at desc);

insert into plan_revision (plan_id, revision, clinic_id, reason, status, content, revised_at)
select id, revision, clinic_id, case when revision = 1 then 'ISSUED' else 'SUPERSEDED' end,
       status, content, updated_at
from plan;

-- A paused plan is still the patient's current plan: at most one active or paused plan each.
drop index plan_one_active;
create unique index plan_one_current on plan (clinic_id, patient_ref)
    where status in ('ACTIVE', 'PAUSED');
