-- Issue 13: the evaluation pass takes only the plans that are due instead of every active plan.
-- due_at is when the plan's figures next need evaluating: the next instant at which they can
-- change by time alone (set by the pass), or at once after a change (a completion counted, a plan
-- revision); null for a plan that is not active, which the pass does not evaluate. A pass claims a
-- batch of due plans by moving their due_at a lease ahead, so that replicas share the due plans
-- without overlap and a plan claimed by a replica that died is due again when its lease ends.
alter table plan_progress add column due_at timestamptz;

update plan_progress p set due_at = now()
    from plan_view v
    where v.clinic_id = p.clinic_id and v.plan_id = p.plan_id and v.status = 'ACTIVE';

create index plan_progress_due on plan_progress (due_at) where due_at is not null;
