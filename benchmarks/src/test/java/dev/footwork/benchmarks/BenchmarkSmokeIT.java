package dev.footwork.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark in seconds with tiny sizes, so that it cannot rot: every figure is produced. It
 * asserts nothing about speed.
 */
class BenchmarkSmokeIT {

    @Test
    void everyFigureIsProduced() throws Exception {
        // PostgreSQL on the base, Kafka on +1 and +2, the services on +11..+13
        String base = String.valueOf(FreePortBlock.of(14));
        int status =
                Benchmark.run("--smoke", "--runs", "1", "--results", "none", "--port-base", base);

        assertThat(status).as("the run's exit status").isZero();
        List<Figures.Figure> figures = Benchmark.lastFigures.all();
        List<String> names = figures.stream().map(Figures.Figure::name).toList();
        for (String expected :
                List.of(
                        "raw Kafka one hop",
                        "raw Kafka two hops",
                        "e2e POST assessment -> PlanIssued, 5/s",
                        "e2e POST assessment -> PlanIssued, 10/s",
                        "e2e POST assessment -> PlanIssued, 20/s",
                        "REST completions, 4 clients at 60 plans",
                        "REST completions, 4 clients at 300 plans",
                        "GET progress summary, 4 clients at 300 plans",
                        "GET plans/active, 4 clients at 300 plans",
                        "request path: rows read by sequential scans",
                        "300 ExerciseCompleted published on Kafka",
                        "evaluation work per minute",
                        "RSS after the run, assessment-service",
                        "RSS after the run, exercise-service",
                        "RSS after the run, progress-service")) {
            assertThat(names).as("figures").anyMatch(name -> name.startsWith(expected));
        }
        assertThat(figures)
                .as("figures with a value")
                .allSatisfy(f -> assertThat(f.value()).doesNotStartWith("n/a"));
    }
}
