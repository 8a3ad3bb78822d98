-- De-duplication is per (consumer, clinic, source, id): two clinics' platforms may choose the same
-- CloudEvents source and id, and each clinic's event is applied once. The wider key holds every
-- existing row, since the narrower one was unique already.
alter table processed_event drop constraint processed_event_pkey;
alter table processed_event add primary key (consumer, clinic_id, source, event_id);
