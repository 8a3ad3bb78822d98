-- The one Idempotency-Key scheme of the services: which resource a client's key created, with a
-- digest of the request, so that a retry gets the first answer and a different request with the
-- same key is refused. Scoped per clinic and per kind of request (e.g. completions of one plan).
create table idempotency_key (
    clinic_id        varchar(64)  not null,
    scope            varchar(200) not null,
    idempotency_key  varchar(210) not null,  -- a header key (200) plus "#<item>" for batch items
    request_hash     varchar(64)  not null,
    resource_id      uuid         not null,
    patient_ref      varchar(64)  not null,
    created_at       timestamptz  not null,
    primary key (clinic_id, scope, idempotency_key)
);

create index idempotency_key_patient on idempotency_key (clinic_id, patient_ref);
