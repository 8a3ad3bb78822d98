package dev.footwork.progress.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Rows of 50 clinics other than the tests' (so that one clinic's rows are a small part of each
 * table, as with many clinics in production), for the tests that check which plans PostgreSQL
 * chooses: 6,000 plans of 3,000 patients, each patient's first plan superseded by an active one, 20
 * completions (some waiting for their plan) and 12 weekly tallies per plan, alerts, tombstones,
 * audit entries, published and processed events; then {@code ANALYZE}. None is due for evaluation,
 * so the evaluation passes of other tests never see them.
 */
public final class ManyPatients {

    private ManyPatients() {}

    /** Seeds the rows once per database; later calls find them and return. */
    public static void seed(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement()) {
            try (ResultSet seeded =
                    sql.executeQuery(
                            "select count(*) from plan_view where clinic_id like 'clinic-seed-%'")) {
                seeded.next();
                if (seeded.getLong(1) > 0) {
                    return;
                }
            }
            sql.execute(
                    """
                    insert into plan_view (plan_id, clinic_id, patient_ref, revision, status,
                                           starts_on, weeks, content, updated_at)
                    select md5('seed-plan-' || n)::uuid, 'clinic-seed-' || ((n / 2) % 50),
                           'seed-' || (n / 2), 1,
                           case when n % 2 = 0 then 'SUPERSEDED' else 'ACTIVE' end,
                           date '2026-10-01' + (n % 2) * 21, 6, '{}',
                           timestamptz '2026-10-01' + n * interval '1 minute'
                    from generate_series(0, 5999) n
                    """);
            sql.execute(
                    """
                    insert into plan_progress (plan_id, clinic_id, patient_ref, last_activity_at,
                                               current_week, adherence_percent,
                                               adherence_7d_percent, max_pain, pain_trend, flags,
                                               risk_score, next_reassessment_on, evaluated_at,
                                               updated_at, due_at)
                    select plan_id, clinic_id, patient_ref, updated_at, 3, (n % 100),
                           ((n * 7) % 100), n % 10, 'STABLE', '', n % 5, date '2026-12-20',
                           updated_at, updated_at, null
                    from (select *, row_number() over (order by plan_id) n from plan_view
                          where clinic_id like 'clinic-seed-%') v
                    """);
            sql.execute(
                    """
                    insert into completion (completion_id, clinic_id, patient_ref, plan_id,
                                            exercise_id, side, sets, reps, hold_seconds, pain,
                                            completed_at, received_at, week)
                    select md5('seed-completion-' || n)::uuid,
                           'clinic-seed-' || (((n % 6000) / 2) % 50), 'seed-' || ((n % 6000) / 2),
                           md5('seed-plan-' || (n % 6000))::uuid,
                           case when n % 3 = 0 then 'TOWEL_GRAB' else 'HEEL_RAISE' end, 'LEFT',
                           3, 12, 2, n % 8, now() - (n / 6000) * interval '1 day', now(),
                           case when n % 97 = 0 then null else 1 + (n / 6000) % 6 end
                    from generate_series(0, 119999) n
                    """);
            sql.execute(
                    """
                    insert into progress_week (plan_id, week, exercise_id, side, clinic_id,
                                               prescribed, completed, total_reps, volume, pain_sum,
                                               pain_max, pain_above)
                    select plan_id, w, e, 'LEFT', clinic_id, 3, 2, 24, 48, 4, 3, 0
                    from plan_view, generate_series(1, 6) w,
                         unnest(array['TOWEL_GRAB', 'HEEL_RAISE']) e
                    where clinic_id like 'clinic-seed-%'
                    """);
            sql.execute(
                    """
                    insert into progress_alert (plan_id, alert_key, clinic_id, event_type,
                                                event_id, emitted_at)
                    select plan_id, 'phase/1', clinic_id, 'seed', gen_random_uuid(), now()
                    from plan_view where clinic_id like 'clinic-seed-%' and status = 'ACTIVE'
                    """);
            sql.execute(
                    """
                    insert into erased_patient (clinic_id, patient_ref, erasure_id, erased_at)
                    select 'clinic-seed-' || (n % 50), 'seed-erased-' || n, gen_random_uuid(),
                           now()
                    from generate_series(0, 1999) n
                    """);
            sql.execute(
                    """
                    insert into audit_entry (id, clinic_id, patient_ref, occurred_at, actor, roles,
                                             action, method, path, status)
                    select gen_random_uuid(), 'clinic-seed-' || (n % 50), 'seed-' || (n % 3000),
                           now() - n * interval '1 second', 'seed', 'clinician', 'READ', 'GET',
                           '/api/v1/seed', 200
                    from generate_series(0, 29999) n
                    """);
            sql.execute(
                    """
                    insert into outbox_event (id, topic, event_type, source, clinic_id,
                                              patient_ref, occurred_at, payload, published_at)
                    select gen_random_uuid(), 'seed', 'seed', 'seed', 'clinic-seed-' || (n % 50),
                           'seed-' || (n % 3000), now(), '{}', now()
                    from generate_series(0, 5999) n
                    """);
            sql.execute(
                    """
                    insert into processed_event (consumer, source, event_id, clinic_id,
                                                 processed_at)
                    select 'seed', 'seed', 'seed-' || n, 'clinic-seed-' || (n % 50), now()
                    from generate_series(0, 19999) n
                    """);
            sql.execute("analyze");
        }
    }
}
