package dev.footwork.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.footwork.contracts.CloudEventAttributes;
import dev.footwork.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.core.ConditionTimeoutException;
import org.jboss.logging.Logger;

/**
 * What the services hold for a load, compared with what the load had acknowledged: the figures of
 * one fault scenario, and the one line each scenario prints.
 */
final class FaultFigures {

    private static final Logger LOG = Logger.getLogger(FaultFigures.class);
    static final List<String> DEAD_LETTER_TOPICS =
            List.of(
                    Topics.ASSESSMENT_DEAD_LETTER,
                    Topics.EXERCISE_DEAD_LETTER,
                    Topics.PROGRESS_DEAD_LETTER);

    final long sent;
    final long acknowledged;
    final long applied;
    final long lost;
    final long duplicated;
    final long deadLettered;
    final List<String> differences;

    private FaultFigures(
            long sent,
            long acknowledged,
            long applied,
            long lost,
            long duplicated,
            long deadLettered,
            List<String> differences) {
        this.sent = sent;
        this.acknowledged = acknowledged;
        this.applied = applied;
        this.lost = lost;
        this.duplicated = duplicated;
        this.deadLettered = deadLettered;
        this.differences = differences;
    }

    boolean exact() {
        return lost == 0 && duplicated == 0 && differences.isEmpty();
    }

    /** Reads every service's database for the load's patients and compares. */
    static FaultFigures of(FaultSystem system, SteadyLoad load) throws SQLException {
        SteadyLoad.Expected expected = load.expected();
        String like = load.prefix() + "%";
        String clinic = load.clinic();
        Map<String, Long> assessments =
                counts(
                        system,
                        FaultSystem.ASSESSMENT,
                        "select patient_ref, count(*) from assessment where clinic_id = ? and"
                                + " patient_ref like ? group by patient_ref",
                        clinic,
                        like);
        Map<String, Long> plans =
                counts(
                        system,
                        FaultSystem.EXERCISE,
                        "select patient_ref, count(*) from plan where clinic_id = ? and"
                                + " patient_ref like ? group by patient_ref",
                        clinic,
                        like);
        Map<String, Long> exerciseCompletions =
                counts(
                        system,
                        FaultSystem.EXERCISE,
                        "select patient_ref, count(*) from completion where clinic_id = ? and"
                                + " patient_ref like ? group by patient_ref",
                        clinic,
                        like);
        Map<String, Long> progressPlans =
                counts(
                        system,
                        FaultSystem.PROGRESS,
                        "select patient_ref, count(*) from plan_view where clinic_id = ? and"
                                + " patient_ref like ? group by patient_ref",
                        clinic,
                        like);
        // what progress counts (the weekly tallies the API sums), not only the rows it keeps
        Map<String, Long> progressCounted =
                counts(
                        system,
                        FaultSystem.PROGRESS,
                        "select v.patient_ref, coalesce(sum(w.completed), 0) from plan_view v"
                                + " left join progress_week w on w.clinic_id = v.clinic_id and"
                                + " w.plan_id = v.plan_id where v.clinic_id = ? and v.patient_ref"
                                + " like ? group by v.patient_ref",
                        clinic,
                        like);
        Map<String, Long> progressRows =
                counts(
                        system,
                        FaultSystem.PROGRESS,
                        "select patient_ref, count(*) from completion where clinic_id = ? and"
                                + " patient_ref like ? group by patient_ref",
                        clinic,
                        like);

        List<String> differences = new ArrayList<>();
        long[] lostAndDuplicated = new long[2];
        long applied = 0;
        for (String patient : expected.assessments.keySet()) {
            boolean all =
                    assessments.getOrDefault(patient, 0L) > 0
                            && plans.getOrDefault(patient, 0L) > 0
                            && progressPlans.getOrDefault(patient, 0L) > 0;
            if (all) {
                applied++;
            }
        }
        for (Map.Entry<String, Long> e : expected.progressCompletions.entrySet()) {
            applied += Math.min(e.getValue(), progressCounted.getOrDefault(e.getKey(), 0L));
        }
        compare("assessments", expected.assessments, assessments, differences, lostAndDuplicated);
        compare("exercise plans", expected.plans, plans, differences, lostAndDuplicated);
        compare("progress plans", expected.plans, progressPlans, differences, lostAndDuplicated);
        compare(
                "exercise completions",
                expected.exerciseCompletions,
                exerciseCompletions,
                differences,
                lostAndDuplicated);
        compare(
                "progress completions counted",
                expected.progressCompletions,
                progressCounted,
                differences,
                lostAndDuplicated);
        compare(
                "progress completion rows",
                expected.progressCompletions,
                progressRows,
                differences,
                new long[2]);
        return new FaultFigures(
                load.sent(),
                load.acknowledged(),
                applied,
                // an operation is lost once, however many services miss its effect
                expected.operations() - applied,
                lostAndDuplicated[1],
                deadLettered(system, load.prefix()).size(),
                differences);
    }

    private static void compare(
            String what,
            Map<String, Long> expected,
            Map<String, Long> actual,
            List<String> differences,
            long[] lostAndDuplicated) {
        Map<String, Long> all = new TreeMap<>(expected);
        actual.keySet().forEach(k -> all.putIfAbsent(k, 0L));
        for (String patient : all.keySet()) {
            long want = expected.getOrDefault(patient, 0L);
            long have = actual.getOrDefault(patient, 0L);
            if (want != have) {
                if (differences.size() < 20) {
                    differences.add(what + " of " + patient + ": " + have + ", expected " + want);
                }
                lostAndDuplicated[0] += Math.max(0, want - have);
                lostAndDuplicated[1] += Math.max(0, have - want);
            }
        }
    }

    private static Map<String, Long> counts(
            FaultSystem system, String service, String sql, Object... parameters)
            throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        system.query(
                service,
                sql,
                row -> {
                    try {
                        counts.put(row.getString(1), row.getLong(2));
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                },
                parameters);
        return counts;
    }

    /**
     * The dead-lettered records (on any service's dead-letter topic) whose key or subject names a
     * patient of this prefix.
     */
    static List<ConsumerRecord<String, byte[]>> deadLettered(FaultSystem system, String prefix) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        for (String topic : DEAD_LETTER_TOPICS) {
            for (ConsumerRecord<String, byte[]> record :
                    TopicReader.readAll(system.bootstrapServers(), topic)) {
                String key = record.key() == null ? "" : record.key();
                String subject = header(record, CloudEventAttributes.SUBJECT);
                if (key.contains(":" + prefix) || (subject != null && subject.startsWith(prefix))) {
                    found.add(record);
                }
            }
        }
        return found;
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * Stops the load and lets it finish, then as {@link #awaitAndReport}. A load that cannot finish
     * (requests never answered) still gets its figure line, from what was acknowledged.
     */
    static FaultFigures finishAndReport(
            String scenario,
            FaultSystem system,
            SteadyLoad load,
            long faultEnded,
            Duration timeout,
            long expectedDeadLetters)
            throws Exception {
        boolean finished = true;
        try {
            load.finish(timeout);
        } catch (ConditionTimeoutException e) {
            finished = false;
            LOG.errorf("FAULT %s: the load could not finish: %s", scenario, e.getMessage());
        }
        return awaitAndReport(
                scenario,
                system,
                load,
                faultEnded,
                finished ? timeout : Duration.ofSeconds(5),
                expectedDeadLetters);
    }

    /**
     * Waits (up to {@code timeout}) until the services hold exactly what the load had acknowledged,
     * prints the scenario's FAULT line, then asserts the figures.
     *
     * @param faultEnded when the fault ended ({@link System#nanoTime()}), for recovered_s
     */
    static FaultFigures awaitAndReport(
            String scenario,
            FaultSystem system,
            SteadyLoad load,
            long faultEnded,
            Duration timeout,
            long expectedDeadLetters)
            throws Exception {
        AtomicReference<FaultFigures> last = new AtomicReference<>();
        try {
            await(scenario + ": exact totals")
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(500))
                    .until(
                            () -> {
                                FaultFigures now = of(system, load);
                                last.set(now);
                                return now.exact() && now.deadLettered == expectedDeadLetters;
                            });
        } catch (ConditionTimeoutException notConverged) {
            // reported below, with the figures as they stand
        }
        FaultFigures figures = last.get() != null ? last.get() : of(system, load);
        boolean converged = figures.exact() && figures.deadLettered == expectedDeadLetters;
        double recovered = (System.nanoTime() - faultEnded) / 1e9;
        print(scenario, figures, converged ? recovered : Double.NaN);
        if (!converged) {
            LOG.errorf(
                    "FAULT %s did not converge within %s: %s%s",
                    scenario, timeout, figures.differences, system.tails());
        }
        assertThat(figures.differences).as(scenario + ": totals per patient").isEmpty();
        assertThat(figures.lost).as(scenario + ": lost").isZero();
        assertThat(figures.duplicated).as(scenario + ": duplicated").isZero();
        assertThat(figures.deadLettered)
                .as(scenario + ": dead-lettered")
                .isEqualTo(expectedDeadLetters);
        assertThat(figures.acknowledged)
                .as(scenario + ": every operation acknowledged")
                .isEqualTo(figures.sent);
        return figures;
    }

    static void print(String scenario, FaultFigures f, double recoveredSeconds) {
        line(
                scenario,
                f.sent,
                f.acknowledged,
                f.applied,
                f.lost,
                f.duplicated,
                f.deadLettered,
                recoveredSeconds,
                "");
    }

    /**
     * Prints the one figure line of a scenario to stdout.
     *
     * @param more figures of the scenario's own, after the common ones; empty for none
     */
    static void line(
            String scenario,
            long sent,
            long acknowledged,
            long applied,
            long lost,
            long duplicated,
            long deadLettered,
            double recoveredSeconds,
            String more) {
        System.out.println(
                String.format(
                        Locale.ROOT,
                        "FAULT %s sent=%d acknowledged=%d applied=%d lost=%d duplicated=%d"
                                + " dead-lettered=%d recovered_s=%s%s",
                        scenario,
                        sent,
                        acknowledged,
                        applied,
                        lost,
                        duplicated,
                        deadLettered,
                        Double.isNaN(recoveredSeconds)
                                ? "none"
                                : String.format(Locale.ROOT, "%.1f", recoveredSeconds),
                        more.isEmpty() ? "" : " " + more));
    }

    static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }
}
