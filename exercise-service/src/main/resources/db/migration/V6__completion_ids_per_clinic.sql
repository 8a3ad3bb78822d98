-- Issue 14: a completion id is chosen by the patient's app or the clinic's platform, and two
-- clinics may choose the same one. It was the primary key alone, so a second clinic's completion of
-- that id failed its insert (a 500 that also told the caller the id existed elsewhere). Like
-- progress-service's keys (its V3), the id is unique within its clinic only; every existing row
-- fits the wider key, since the narrower one was unique already. No foreign key names a completion,
-- and every lookup by id runs within the caller's clinic (Hibernate's tenant filter), so the new key
-- serves it.
alter table completion drop constraint completion_pkey;
alter table completion add primary key (clinic_id, id);
