package dev.footwork.testkit;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds statements that read every row a clinic has in a table: those whose generic plan scans an
 * index (or a bitmap of it) by the clinic alone. Where every key starts with the clinic, a query
 * without an index of its own shows as such a scan, not as the sequential scan that {@link
 * SequentialScans} looks for; with one clinic, as in the benchmark, it reads the whole table and
 * still counts as an index scan. Meaningful only after the tables hold rows of many clinics and
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
        List<String> found = new ArrayList<>();
        for (SequentialScans.GenericPlan explained :
                SequentialScans.genericPlans(database, statements)) {
            if (explained.plan().stream()
                    .anyMatch(line -> BY_CLINIC_ALONE.matcher(line.trim()).find())) {
                found.add(explained.toString());
            }
        }
        return found;
    }
}
