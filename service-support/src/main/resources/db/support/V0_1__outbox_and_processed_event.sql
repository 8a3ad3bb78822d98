-- Shared by every Footwork service (owned by service-support; versions 0.x belong to this module).

-- Events written in the same transaction as the business change, published by the relay.
create table outbox_event (
    id            uuid primary key,               -- becomes the CloudEvents id
    seq           bigint generated always as identity unique,
    topic         varchar(200) not null,
    event_type    varchar(200) not null,
    source        varchar(200) not null,
    clinic_id     varchar(64)  not null,
    patient_ref   varchar(64)  not null,
    occurred_at   timestamptz  not null,
    payload       text         not null,
    created_at    timestamptz  not null default now(),
    published_at  timestamptz,
    attempts      integer      not null default 0,
    last_error    varchar(1000)
);

create index outbox_event_pending on outbox_event (seq) where published_at is null;
create index outbox_event_published on outbox_event (published_at) where published_at is not null;
create index outbox_event_patient on outbox_event (clinic_id, patient_ref);

-- One row per event a consumer has applied; inserted in the transaction of the effect.
create table processed_event (
    consumer      varchar(100) not null,
    source        varchar(200) not null,
    event_id      varchar(200) not null,
    clinic_id     varchar(64)  not null,
    processed_at  timestamptz  not null default now(),
    primary key (consumer, source, event_id)
);

create index processed_event_processed_at on processed_event (processed_at);
