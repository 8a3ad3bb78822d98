package dev.footwork.benchmarks;

import java.time.Duration;
import java.util.List;

/**
 * How much each figure sends and for how long: the full set, or a smoke run of seconds. {@code
 * requestWarmUp} goes before each closed-loop window and is not counted; {@code warmUpRounds}
 * bounds the rounds of the first warm-up ({@code Run.warmUp}).
 */
record Sizes(
        List<Integer> rates,
        Duration e2eWindow,
        Duration hopWindow,
        int warmUpRounds,
        Duration restWindow,
        Duration healthWindow,
        Duration requestWarmUp,
        int clients,
        int smallPlans,
        int largePlans,
        int burst,
        Duration evaluationWindow,
        double changingShare,
        Duration drainTimeout) {

    static Sizes full() {
        return new Sizes(
                List.of(10, 50, 200),
                Duration.ofSeconds(30),
                Duration.ofSeconds(10),
                // the services compile through minutes of load here: rounds until answered quickly
                8,
                Duration.ofSeconds(10),
                Duration.ofSeconds(5),
                // the JIT of these 2 cores takes many seconds to compile a request's path
                Duration.ofSeconds(10),
                16,
                1_000,
                100_000,
                50_000,
                Duration.ofSeconds(60),
                0.01,
                Duration.ofSeconds(120));
    }

    static Sizes smoke() {
        return new Sizes(
                List.of(5, 10, 20),
                Duration.ofSeconds(2),
                Duration.ofSeconds(2),
                1,
                Duration.ofSeconds(2),
                Duration.ofSeconds(1),
                Duration.ofMillis(500),
                4,
                60,
                300,
                300,
                Duration.ofSeconds(5),
                0.05,
                Duration.ofSeconds(60));
    }
}
