package dev.footwork.progress.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The service's clock in tests: the system's, unless a test stops it at an instant. */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private volatile Instant stoppedAt;

    public void stopAt(Instant instant) {
        stoppedAt = instant;
    }

    public void run() {
        stoppedAt = null;
    }

    @Override
    public Instant instant() {
        Instant stopped = stoppedAt;
        return stopped != null ? stopped : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
