-- Idempotency-Keys move to the table every service shares (service-support, V0_4), under scope
-- 'assessments', with the assessment's patient so that an erasure removes them with the patient.
insert into idempotency_key (clinic_id, scope, idempotency_key, request_hash, resource_id,
                             patient_ref, created_at)
select r.clinic_id, 'assessments', r.idempotency_key, r.request_hash, r.assessment_id,
       a.patient_ref, r.created_at
from assessment_request r
join assessment a on a.id = r.assessment_id;

drop table assessment_request;
