package dev.footwork.support.health;

import java.time.Duration;
import java.util.Optional;

/**
 * The cached outcome of the background probes of one dependency: when the last probe that succeeded
 * began, and why the last one that failed did. Written by the probe's thread, read by readiness
 * checks without waiting.
 */
final class Probe {

    /** What readiness says of the dependency now: up, or down with a reason. */
    record Verdict(boolean up, String detail) {}

    private final String name;
    private volatile long lastGoodStartNanos;
    private volatile boolean everGood;
    private volatile String lastFailure = "not probed yet";

    Probe(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    void succeeded(long startNanos) {
        lastGoodStartNanos = startNanos;
        everGood = true;
    }

    void failed(Throwable failure) {
        lastFailure = String.valueOf(failure);
    }

    /** Up when a probe that began less than {@code staleAfter} ago succeeded. */
    Verdict verdict(Duration staleAfter) {
        if (!everGood) {
            return new Verdict(false, lastFailure);
        }
        long age = System.nanoTime() - lastGoodStartNanos;
        if (age < staleAfter.toNanos()) {
            return new Verdict(true, "up");
        }
        return new Verdict(
                false,
                "no answer for "
                        + Duration.ofNanos(age).toMillis()
                        + " ms"
                        + Optional.ofNullable(lastFailure).map(f -> ": " + f).orElse(""));
    }
}
