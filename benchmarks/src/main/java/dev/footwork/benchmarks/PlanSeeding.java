package dev.footwork.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Benchmark set-up: more active plans, fast. One real plan (issued through the API, applied by
 * progress-service) is the template; its rows in each service's tables are cloned with {@code
 * generate_series}, column by column as the migrations defined them, with a new plan id, patient
 * and assessment, so the queries see rows like real ones. A cloned plan counts as evaluated at
 * seeding time (due again when its day changes), as the plans of a running clinic are: only what
 * the benchmark changes afterwards is due.
 */
final class PlanSeeding {

    static final String PREFIX = "seed-";
    private static final Duration TEMPLATE_TIMEOUT = Duration.ofSeconds(60);

    /** Per database: each table holding a plan's rows, and its plan id column. */
    private static final List<String[]> TABLES =
            List.of(
                    new String[] {"footwork_exercise", "plan", "id"},
                    new String[] {"footwork_exercise", "plan_revision", "plan_id"},
                    new String[] {"footwork_progress", "plan_view", "plan_id"},
                    new String[] {"footwork_progress", "plan_progress", "plan_id"},
                    new String[] {"footwork_progress", "progress_week", "plan_id"});

    private PlanSeeding() {}

    /** Adds cloned plans until the clinic has {@code wanted} active plans; returns how many. */
    static int seedTo(Run run, int wanted) throws SQLException, InterruptedException {
        List<Run.PlanRef> plans = run.activePlans();
        int missing = wanted - plans.size();
        if (missing <= 0) {
            return 0;
        }
        Run.PlanRef template = awaitTemplate(run, plans);
        int from = 0;
        try (Connection c = run.connect("footwork_exercise");
                PreparedStatement s =
                        c.prepareStatement("select count(*) from plan where patient_ref like ?")) {
            s.setString(1, PREFIX + "%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                from = rs.getInt(1) + 1;
            }
        }
        int to = from + missing - 1;
        for (String[] table : TABLES) {
            try (Connection c = run.connect(table[0])) {
                clone(c, table[1], table[2], template, from, to);
            }
        }
        for (String database : List.of("footwork_exercise", "footwork_progress")) {
            try (Connection c = run.connect(database)) {
                Run.execute(c, "analyze");
            }
        }
        return missing;
    }

    /**
     * A real plan that progress-service has applied, waiting for one: the plans the benchmark
     * issued last may still be on their way to progress-service when seeding starts.
     */
    private static Run.PlanRef awaitTemplate(Run run, List<Run.PlanRef> plans)
            throws InterruptedException {
        AtomicReference<Run.PlanRef> template = new AtomicReference<>();
        boolean found =
                Waits.until(
                        () -> {
                            try {
                                template.set(appliedTemplate(run, plans));
                            } catch (SQLException e) {
                                throw new IllegalStateException(e);
                            }
                            return template.get() != null;
                        },
                        Duration.ofMillis(200),
                        TEMPLATE_TIMEOUT);
        if (!found) {
            throw new IllegalStateException(
                    "none of the "
                            + plans.size()
                            + " active plans issued through the API was applied by progress-service"
                            + " within "
                            + TEMPLATE_TIMEOUT.toSeconds()
                            + " s; nothing to clone");
        }
        return template.get();
    }

    /** A real plan that progress-service has applied (its plan_progress row exists), or null. */
    private static Run.PlanRef appliedTemplate(Run run, List<Run.PlanRef> plans)
            throws SQLException {
        try (Connection c = run.connect("footwork_progress");
                PreparedStatement s =
                        c.prepareStatement(
                                "select 1 from plan_view v join plan_progress p"
                                        + " on p.clinic_id = v.clinic_id and p.plan_id = v.plan_id"
                                        + " where v.clinic_id = ? and v.plan_id = ?")) {
            for (Run.PlanRef plan : plans) {
                if (plan.patientRef().startsWith(PREFIX)) {
                    continue;
                }
                s.setString(1, Run.CLINIC);
                s.setObject(2, plan.id());
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        return plan;
                    }
                }
            }
        }
        return null;
    }

    private static void clone(
            Connection c, String table, String idColumn, Run.PlanRef template, int from, int to)
            throws SQLException {
        List<String> columns = new ArrayList<>();
        List<String> types = new ArrayList<>();
        try (PreparedStatement s =
                c.prepareStatement(
                        "select column_name, data_type from information_schema.columns"
                                + " where table_schema = current_schema() and table_name = ?"
                                + " order by ordinal_position")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                    types.add(rs.getString(2));
                }
            }
        }
        String newId = "md5('" + PREFIX + "plan-' || g)::uuid";
        String newRef = "'" + PREFIX + "' || g";
        List<String> values = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            if (column.equals(idColumn)) {
                values.add(newId);
            } else if (column.equals("patient_ref")) {
                values.add(newRef);
            } else if (column.equals("due_at")) {
                // as if evaluated already: next due when the plan's day changes, not at once
                values.add(
                        "case when t.due_at is null then null else greatest(t.due_at,"
                                + " date_trunc('day', now()) + interval '1 day') end");
            } else if (column.equals("evaluated_at")) {
                values.add("now()");
            } else if (column.equals("assessment_id")) {
                values.add("md5('" + PREFIX + "assessment-' || g)::uuid");
            } else if (types.get(i).equals("text")) {
                // a plan's document names its plan and patient
                values.add(
                        "replace(replace(t."
                                + column
                                + ", '"
                                + template.id()
                                + "', "
                                + newId
                                + "::text), '\""
                                + template.patientRef()
                                + "\"', '\"' || "
                                + newRef
                                + " || '\"')");
            } else {
                values.add("t." + column);
            }
        }
        String sql =
                "insert into "
                        + table
                        + " ("
                        + String.join(", ", columns)
                        + ") select "
                        + String.join(", ", values)
                        + " from "
                        + table
                        + " t, generate_series(?, ?) g where t."
                        + idColumn
                        + " = ? and t.clinic_id = ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, from);
            s.setInt(2, to);
            s.setObject(3, template.id(), java.sql.Types.OTHER);
            s.setString(4, Run.CLINIC);
            s.executeUpdate();
        }
    }
}
