-- Who read or changed which patient's data, when and from which client (one row per request and
-- patient). Kept per service; queried by the clinic's admins through GET /api/v1/audit.
create table audit_entry (
    id              uuid primary key,
    clinic_id       varchar(64)   not null,
    patient_ref     varchar(64),
    occurred_at     timestamptz   not null,
    actor           varchar(200)  not null,
    roles           varchar(200)  not null,
    client          varchar(200),
    remote_address  varchar(100),
    action          varchar(10)   not null,
    method          varchar(10)   not null,
    path            varchar(500)  not null,
    operation       varchar(300),
    status          integer       not null
);

create index audit_entry_patient on audit_entry (clinic_id, patient_ref, occurred_at desc);
create index audit_entry_time on audit_entry (clinic_id, occurred_at desc);
