package dev.footwork.support.retry;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Raised once when the service begins to stop. Retry loops wait on it instead of sleeping, so a
 * back-off of seconds never holds up a shutdown.
 */
@ApplicationScoped
public class ShutdownSignal {

    private final CountDownLatch raised = new CountDownLatch(1);

    void onShutdown(@Observes ShutdownEvent event) {
        raise();
    }

    /** Raises the signal; loops that wait on it return at once. */
    public void raise() {
        raised.countDown();
    }

    public boolean raised() {
        return raised.getCount() == 0;
    }

    /**
     * Waits for {@code pause} unless the service stops first.
     *
     * @return true when the service is stopping (the caller should give up), false after the pause
     */
    public boolean await(Duration pause) {
        try {
            return raised.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
