package dev.footwork.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code pg_stat_user_tables} of each service database, before and after the request phases: how
 * often each table was read sequentially (and how many rows that read) or through an index.
 */
final class TableScans {

    private final Map<String, long[]> totals = new TreeMap<>();
    private Map<String, long[]> before;

    void begin(Run run) throws Exception {
        before = settled(run);
    }

    void end(Run run) throws Exception {
        Map<String, long[]> after = settled(run);
        after.forEach(
                (table, counts) -> {
                    long[] start = before.getOrDefault(table, new long[3]);
                    long[] sum = totals.computeIfAbsent(table, t -> new long[3]);
                    for (int i = 0; i < 3; i++) {
                        sum[i] += counts[i] - start[i];
                    }
                });
    }

    /** The statistics once they stop changing (backends report them when they go idle). */
    private static Map<String, long[]> settled(Run run) throws Exception {
        Map<String, long[]>[] last = new Map[] {read(run)};
        Waits.until(
                () -> {
                    Map<String, long[]> now = read(run);
                    boolean same = same(now, last[0]);
                    last[0] = now;
                    return same;
                },
                Duration.ofMillis(1500),
                Duration.ofSeconds(20));
        return last[0];
    }

    private static boolean same(Map<String, long[]> a, Map<String, long[]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.entrySet().stream()
                .allMatch(e -> java.util.Arrays.equals(e.getValue(), b.get(e.getKey())));
    }

    private static Map<String, long[]> read(Run run) {
        Map<String, long[]> counts = new TreeMap<>();
        for (String database : LocalSystem.DATABASES) {
            try (Connection c = run.connect(database);
                    Statement s = c.createStatement();
                    ResultSet rs =
                            s.executeQuery(
                                    "select relname, seq_scan, seq_tup_read, coalesce(idx_scan, 0)"
                                            + " from pg_stat_user_tables")) {
                while (rs.next()) {
                    counts.put(
                            database.replace("footwork_", "") + "." + rs.getString(1),
                            new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return counts;
    }

    /** Every table read during the phases, with its deltas. */
    String report() {
        StringBuilder out = new StringBuilder();
        out.append(
                String.format(
                        "    %-40s %10s %14s %10s%n",
                        "table", "seq_scan", "seq_tup_read", "idx_scan"));
        totals.forEach(
                (table, d) -> {
                    if (d[0] != 0 || d[2] != 0) {
                        out.append(
                                String.format(
                                        "    %-40s %10d %14d %10d%n", table, d[0], d[1], d[2]));
                    }
                });
        return out.toString();
    }

    /** The rows read sequentially, in total and by the tables that were scanned. */
    String sequentialRowsSummary() {
        long rows = totals.values().stream().mapToLong(d -> d[1]).sum();
        StringBuilder tables = new StringBuilder();
        totals.forEach(
                (table, d) -> {
                    if (d[0] > 0) {
                        tables.append(tables.length() == 0 ? "" : ", ")
                                .append(table)
                                .append(' ')
                                .append(d[0])
                                .append(" scans/")
                                .append(d[1])
                                .append(" rows");
                    }
                });
        return String.format("%,d rows", rows) + (tables.length() == 0 ? "" : " (" + tables + ")");
    }
}
