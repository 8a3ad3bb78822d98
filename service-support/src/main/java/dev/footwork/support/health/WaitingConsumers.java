package dev.footwork.support.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The consumers that hold a record back because a dependency it needs (the database, the
 * dead-letter topic) is away, so that readiness says DOWN meanwhile and the commit strategy does
 * not take the held record for a hung consumer.
 *
 * <p>A channel may run several copies of its consumer at once ({@code concurrency}), each holding
 * its own records on its own thread: a wait is the calling thread's, so one copy resuming does not
 * end another copy's wait.
 */
@ApplicationScoped
public class WaitingConsumers {

    /** One consumer waiting: for what, since when, and the last failure that said so. */
    public record Wait(
            String consumer, String topic, String dependency, String cause, Instant since) {}

    /** Keyed by consumer and thread: a wait begins and ends on the thread that holds the record. */
    private final Map<String, Wait> waits = new ConcurrentHashMap<>();

    private final Map<String, Long> lastEndedNanos = new ConcurrentHashMap<>();

    /** The consumer retries a record of {@code topic} because {@code dependency} failed. */
    public void waiting(String consumer, String topic, String dependency, Throwable cause) {
        waits.compute(
                key(consumer),
                (key, earlier) ->
                        new Wait(
                                consumer,
                                topic,
                                dependency,
                                String.valueOf(cause),
                                earlier == null ? Instant.now() : earlier.since()));
    }

    /**
     * The consumer is done with the record it held on this thread (applied, dead-lettered or given
     * up).
     */
    public void resumed(String consumer) {
        Wait ended = waits.remove(key(consumer));
        if (ended != null) {
            lastEndedNanos.put(ended.topic(), System.nanoTime());
        }
    }

    private static String key(String consumer) {
        return consumer + "@" + Thread.currentThread().getId();
    }

    public List<Wait> current() {
        return List.copyOf(waits.values());
    }

    /**
     * Whether a consumer of one of these topics is waiting now or stopped waiting less than {@code
     * since} ago: the records queued behind the held one are then older than usual too.
     */
    public boolean waitedRecently(Collection<String> topics, Duration since) {
        if (waits.values().stream().anyMatch(wait -> topics.contains(wait.topic()))) {
            return true;
        }
        long now = System.nanoTime();
        return topics.stream()
                .map(lastEndedNanos::get)
                .anyMatch(ended -> ended != null && now - ended < since.toNanos());
    }
}
