-- V3 gave the plans that existed then their issue time as assessment time. That time is later than
-- the real one, so a newer assessment made before the old plan was issued counted as older and
-- issued no plan. Those plans' assessment time is unknown: it is left empty, and any new
-- classification of the patient supersedes such a plan, as before V3. (A plan issued since V3
-- carries its assessment's own time, which never equals the issue time to the microsecond.)
alter table plan alter column assessed_at drop not null;
update plan set assessed_at = null where assessed_at = issued_at;
