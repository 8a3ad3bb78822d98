create table assessment (
    id                      uuid primary key,
    clinic_id               varchar(64)  not null,
    patient_ref             varchar(64)  not null,
    assessed_at             timestamptz  not null,
    assessor                varchar(64),
    rule_set_version        varchar(64)  not null,
    previous_assessment_id  uuid references assessment (id),
    asymmetry               boolean      not null,
    created_at              timestamptz  not null default now()
);

create index assessment_patient on assessment (clinic_id, patient_ref, assessed_at desc);

create table foot_assessment (
    assessment_id  uuid         not null references assessment (id) on delete cascade,
    side           varchar(5)   not null check (side in ('LEFT', 'RIGHT')),
    fpi_items      varchar(40),
    fpi_total      integer      check (fpi_total between -12 and 12),
    level          varchar(20)  not null,
    confidence     numeric(4,3) not null,
    decided_by     varchar(200) not null,
    explanation    text         not null,
    primary key (assessment_id, side)
);
