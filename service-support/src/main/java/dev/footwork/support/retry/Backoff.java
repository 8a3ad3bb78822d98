package dev.footwork.support.retry;

import java.time.Duration;

/**
 * The one back-off of Footwork's retry loops (outbox relay, inbox, change listener): the wait
 * starts at {@code first}, doubles after every failure up to {@code max}, and is back at {@code
 * first} after a success. Not thread-safe: one per loop.
 */
public final class Backoff {

    private final Duration first;
    private final Duration max;
    private Duration next;

    public Backoff(Duration first, Duration max) {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 0 < first <= max, got " + first + ", " + max);
        }
        this.first = first;
        this.max = max;
        this.next = first;
    }

    /** The wait after the failure that just happened; the one after it is twice as long. */
    public Duration failed() {
        Duration now = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return now;
    }

    public void succeeded() {
        next = first;
    }
}
