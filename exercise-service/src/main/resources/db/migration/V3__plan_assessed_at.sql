-- Which of a patient's assessments is newer decides which plan is current, not the order in which
-- their classifications arrive: a plan keeps when its assessment was made and which assessment that
-- one superseded (FootClassified's assessedAt and previousAssessmentId).
alter table plan add column assessed_at timestamptz;
alter table plan add column previous_assessment_id uuid;

-- Existing plans did not keep either. Their issue time stands in for the assessment time: it is
-- never earlier (an assessment cannot be recorded for the future, and its plan is issued after it
-- is recorded), so a late classification of an assessment made before the plan was issued still
-- leaves the plan current. The previous assessment stays unknown; only a tie at one instant would
-- have used it, and then the assessment id decides.
update plan set assessed_at = issued_at;

alter table plan alter column assessed_at set not null;
