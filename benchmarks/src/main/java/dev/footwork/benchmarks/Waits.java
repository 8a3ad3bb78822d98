package dev.footwork.benchmarks;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Waiting on a scheduler: for a condition, checked at an interval, or for a stretch of time. */
final class Waits {

    private static final ScheduledExecutorService SCHEDULER =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread thread = new Thread(r, "bench-waits");
                        thread.setDaemon(true);
                        return thread;
                    });

    private Waits() {}

    /** Whether the condition held within {@code timeout}, checked every {@code interval}. */
    static boolean until(BooleanSupplier condition, Duration interval, Duration timeout)
            throws InterruptedException {
        CompletableFuture<Boolean> held = new CompletableFuture<>();
        ScheduledFuture<?> checks =
                SCHEDULER.scheduleWithFixedDelay(
                        () -> {
                            try {
                                if (condition.getAsBoolean()) {
                                    held.complete(true);
                                }
                            } catch (RuntimeException e) {
                                held.completeExceptionally(e);
                            }
                        },
                        0,
                        interval.toMillis(),
                        TimeUnit.MILLISECONDS);
        try {
            return held.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("condition failed", e.getCause());
        } finally {
            checks.cancel(false);
        }
    }

    /** Lets {@code duration} pass (a measuring window), on the scheduler's clock. */
    static void window(Duration duration) throws InterruptedException {
        CompletableFuture<Void> over = new CompletableFuture<>();
        SCHEDULER.schedule(() -> over.complete(null), duration.toMillis(), TimeUnit.MILLISECONDS);
        try {
            over.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
