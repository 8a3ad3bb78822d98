package dev.footwork.testkit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what would read a table sequentially: statements whose generic plan (the plan PostgreSQL
 * uses for any parameter values, {@code EXPLAIN (GENERIC_PLAN)}) has a {@code Seq Scan}, and
 * foreign keys without an index, whose check on every delete of the referenced row reads the
 * referencing table. Meaningful only after the tables hold rows of many patients and {@code
 * ANALYZE} has run: on a near-empty table a sequential scan is the cheaper plan.
 */
public final class SequentialScans {

    private static final Pattern SEQ_SCAN = Pattern.compile("Seq Scan on (\\w+)");

    private SequentialScans() {}

    /**
     * Everything that would read a table sequentially where these statements run: one line per
     * statement that scans a table ({@link #in}, each statement once), then one per foreign key
     * without an index ({@link #unindexedForeignKeys}).
     */
    public static List<String> of(JdbcDatabase database, Collection<String> statements)
            throws SQLException {
        List<String> found = new ArrayList<>(in(database, new LinkedHashSet<>(statements)));
        try (Connection connection = database.connect()) {
            found.addAll(unindexedForeignKeys(connection));
        }
        return found;
    }

    /**
     * One line per statement that scans a table: the table, the statement and its plan.
     *
     * @param database where the statements ran
     * @param statements with JDBC's {@code ?} or {@code $n} placeholders
     */
    public static List<String> in(JdbcDatabase database, Collection<String> statements)
            throws SQLException {
        List<String> scans = new ArrayList<>();
        for (GenericPlan explained : genericPlans(database, statements)) {
            for (String line : explained.plan()) {
                Matcher scan = SEQ_SCAN.matcher(line);
                if (scan.find()) {
                    scans.add("reads " + scan.group(1) + " sequentially: " + explained);
                    break;
                }
            }
        }
        return scans;
    }

    /** A statement and the lines of its generic plan. */
    record GenericPlan(String sql, List<String> plan) {

        /** The statement, then its plan indented. */
        @Override
        public String toString() {
            return sql + "\n    " + String.join("\n    ", plan);
        }
    }

    /**
     * The generic plan of each statement, in their order. EXPLAIN runs on a connection of its own,
     * in the simple query protocol, which leaves the {@code $n} placeholders to the server.
     */
    static List<GenericPlan> genericPlans(JdbcDatabase database, Collection<String> statements)
            throws SQLException {
        String url = database.jdbcUrl();
        JdbcDatabase simple =
                new JdbcDatabase(
                        url + (url.contains("?") ? "&" : "?") + "preferQueryMode=simple",
                        database.username(),
                        database.password());
        List<GenericPlan> plans = new ArrayList<>();
        try (Connection connection = simple.connect();
                Statement explain = connection.createStatement()) {
            for (String sql : statements) {
                List<String> plan = new ArrayList<>();
                try (ResultSet rows =
                        explain.executeQuery("explain (generic_plan) " + numbered(sql))) {
                    while (rows.next()) {
                        plan.add(rows.getString(1));
                    }
                }
                plans.add(new GenericPlan(sql, plan));
            }
        }
        return plans;
    }

    /**
     * One line per foreign key whose columns do not lead an index of the referencing table: a
     * delete of a referenced row (an erasure) then reads that table to check it.
     */
    public static List<String> unindexedForeignKeys(Connection connection) throws SQLException {
        List<String> missing = new ArrayList<>();
        try (Statement query = connection.createStatement();
                ResultSet rows =
                        query.executeQuery(
                                """
                                select c.conrelid::regclass::text, c.conname
                                from pg_constraint c
                                where c.contype = 'f'
                                  and not exists (
                                      select 1 from pg_index i
                                      where i.indrelid = c.conrelid
                                        and (i.indkey::int2[])[0:cardinality(c.conkey) - 1]
                                            @> c.conkey
                                        and (i.indkey::int2[])[0:cardinality(c.conkey) - 1]
                                            <@ c.conkey)
                                order by 1, 2
                                """)) {
            while (rows.next()) {
                missing.add(rows.getString(1) + "." + rows.getString(2) + " has no index");
            }
        }
        return missing;
    }

    /** JDBC's {@code ?} placeholders as the {@code $n} that EXPLAIN takes. */
    static String numbered(String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int n = 0;
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == '?' && !quoted) {
                out.append('$').append(++n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
