-- A row the broker can never accept (too large, topic refused) is held back with its reason; only
-- its own patient's later rows wait behind it. The relay retries held rows now and then, so an ACL
-- fixed by an operator releases them.
alter table outbox_event add column held_at timestamptz;
alter table outbox_event add column held_reason varchar(1000);

create index outbox_event_held on outbox_event (clinic_id, patient_ref, seq)
    where held_at is not null and published_at is null;

-- Which relay instance publishes. A lease on the database's clock instead of a lock held by a
-- connection: a holder that dies stops renewing it and another replica takes over when it expires,
-- seconds later, whatever state the dead holder's TCP connection is in.
create table outbox_relay_lease (
    name        varchar(100) primary key,
    holder      varchar(200) not null,
    expires_at  timestamptz  not null
);
