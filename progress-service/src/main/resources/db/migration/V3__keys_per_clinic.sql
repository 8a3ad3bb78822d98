-- Issue 12: a plan id or completion id is chosen by whoever publishes the event, and two clinics'
-- platforms may choose the same one. Every key an event chooses is unique within its clinic only,
-- so one clinic's event can never take a key another clinic's event needs. The wider keys hold
-- every existing row, since the narrower ones were unique already.
alter table plan_view drop constraint plan_view_pkey;
alter table plan_view add primary key (clinic_id, plan_id);

alter table plan_progress drop constraint plan_progress_pkey;
alter table plan_progress add primary key (clinic_id, plan_id);

alter table completion drop constraint completion_pkey;
alter table completion add primary key (clinic_id, completion_id);

alter table progress_week drop constraint progress_week_pkey;
alter table progress_week add primary key (clinic_id, plan_id, week, exercise_id, side);

alter table progress_alert drop constraint progress_alert_pkey;
alter table progress_alert add primary key (clinic_id, plan_id, alert_key);

-- a plan's completions are looked up within its clinic
drop index completion_waiting;
create index completion_waiting on completion (clinic_id, plan_id) where week is null;
drop index completion_recent;
create index completion_recent on completion (clinic_id, plan_id, completed_at) where week is not null;
