-- Deleting an assessment (an erasure) checks that no assessment still names it as previous or as
-- superseding one: without these indexes each check read the whole table.
create index assessment_previous on assessment (previous_assessment_id)
    where previous_assessment_id is not null;
create index assessment_superseded_by on assessment (superseded_by) where superseded_by is not null;
