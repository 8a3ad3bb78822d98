package dev.footwork.progress.support;

import dev.footwork.testkit.JdbcDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds statements that read every row a clinic has in a table: those whose generic plan scans an
 * index (or a bitmap of it) by the clinic alone. Every key of this service starts with the clinic,
 * so a query without an index of its own shows as such a scan, not as the sequential scan that
 * {@code SequentialScans} looks for; with one clinic, as in the benchmark, it reads the whole table
 * and still counts as an index scan. Meaningful only after the tables hold rows of many clinics and
 * {@code ANALYZE} has run.
 */
public final class ClinicWideScans {

    private static final Pattern BY_CLINIC_ALONE =
            Pattern.compile("^(Index|Recheck) Cond: \\(\\(clinic_id\\)::text = \\$\\d+\\)$");

    private ClinicWideScans() {}

    /**
     * One line per statement that reads a clinic's rows: the statement and its plan.
     *
     * @param statements with JDBC's {@code ?} or {@code $n} placeholders
     */
    public static List<String> in(JdbcDatabase database, Collection<String> statements)
            throws SQLException {
        String url = database.jdbcUrl();
        // the simple query protocol leaves the $n placeholders to the server
        JdbcDatabase simple =
                new JdbcDatabase(
                        url + (url.contains("?") ? "&" : "?") + "preferQueryMode=simple",
                        database.username(),
                        database.password());
        List<String> found = new ArrayList<>();
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
                if (plan.stream().anyMatch(line -> BY_CLINIC_ALONE.matcher(line.trim()).find())) {
                    found.add(sql + "\n    " + String.join("\n    ", plan));
                }
            }
        }
        return found;
    }

    /** JDBC's {@code ?} placeholders as {@code $n}; the statements here quote no {@code ?}. */
    private static String numbered(String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int n = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '?') {
                out.append('$').append(++n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
