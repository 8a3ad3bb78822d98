package dev.footwork.support.outbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * One round of publishing: rows of different keys go out together, but a key's next row is sent
 * only once the broker has acknowledged the one before it. So whatever fails, and however often a
 * row is sent again, the first copy of each row on the topic comes after the first copy of every
 * earlier row of its key: consumers that skip copies they have seen read each key in order. This
 * holds even when two relays publish the same rows at once.
 *
 * <p>A failure ends its key's chain for the round: the key's later rows stay pending. A failure
 * that may pass (the broker away, a leader moving) also stops new sends for the round, since the
 * rest would most likely fail the same way; a failure that is the row's own (too large, topic
 * refused) leaves the other keys going.
 *
 * <p>Plain Java, so that the ordering rules are tested without a broker.
 *
 * @param <R> a row
 */
final class PerKeySends<R> {

    /** Sends a row and reports its outcome exactly once, from any thread. */
    interface Sender<R> {
        void send(R row, BiConsumer<R, Throwable> done);
    }

    /** A row the broker did not acknowledge, and why. */
    record Failure<R>(R row, Throwable cause, boolean permanent) {}

    /**
     * What a round did. Rows in neither list were not sent, or their outcome did not arrive in
     * time: they stay pending.
     */
    record Outcome<R>(List<R> published, List<Failure<R>> failed) {}

    private record Done<R>(R row, Throwable failure) {}

    private final Function<R, Object> keyOf;
    private final Sender<R> sender;
    private final Predicate<Throwable> permanent;
    private final LongSupplier nanoTime;

    /**
     * @param keyOf the key whose order is kept
     * @param permanent whether a failure is the row's own and will happen again
     * @param nanoTime the clock of the round's time limits ({@link System#nanoTime} but in tests)
     */
    PerKeySends(
            Function<R, Object> keyOf,
            Sender<R> sender,
            Predicate<Throwable> permanent,
            LongSupplier nanoTime) {
        this.keyOf = keyOf;
        this.sender = sender;
        this.permanent = permanent;
        this.nanoTime = nanoTime;
    }

    /**
     * Publishes rows in their order per key.
     *
     * @param rows in the order they were decided
     * @param sendFor no row is started after this much time
     * @param waitFor how long to wait for the outcome of rows already sent, after the last start
     */
    Outcome<R> publish(List<R> rows, Duration sendFor, Duration waitFor)
            throws InterruptedException {
        Map<Object, Deque<R>> chains = new LinkedHashMap<>();
        for (R row : rows) {
            chains.computeIfAbsent(keyOf.apply(row), k -> new ArrayDeque<>()).add(row);
        }
        Deque<R> ready = new ArrayDeque<>();
        chains.values().forEach(chain -> ready.add(chain.poll()));

        BlockingQueue<Done<R>> outcomes = new LinkedBlockingQueue<>();
        BiConsumer<R, Throwable> report = (row, failure) -> outcomes.add(new Done<>(row, failure));
        List<R> published = new ArrayList<>();
        List<Failure<R>> failed = new ArrayList<>();
        long stopStarting = nanoTime.getAsLong() + sendFor.toNanos();
        boolean stopped = false;
        int inFlight = 0;
        long waitUntil = 0;
        while (true) {
            if (mayStart(stopped, ready, stopStarting)) {
                R row = ready.poll();
                inFlight++;
                try {
                    sender.send(row, report);
                } catch (RuntimeException e) {
                    report.accept(row, e);
                }
                waitUntil = nanoTime.getAsLong() + waitFor.toNanos();
            } else if (inFlight == 0) {
                break;
            }
            boolean moreToStart = mayStart(stopped, ready, stopStarting);
            Done<R> done =
                    moreToStart
                            ? outcomes.poll()
                            : outcomes.poll(
                                    Math.max(0, waitUntil - nanoTime.getAsLong()),
                                    TimeUnit.NANOSECONDS);
            if (done == null) {
                if (moreToStart) {
                    continue;
                }
                break; // outcomes not in time: those rows stay pending
            }
            inFlight--;
            Deque<R> chain = chains.get(keyOf.apply(done.row()));
            if (done.failure() == null) {
                published.add(done.row());
                R next = chain.poll();
                if (next != null) {
                    ready.add(next);
                }
            } else {
                boolean own = permanent.test(done.failure());
                failed.add(new Failure<>(done.row(), done.failure(), own));
                chain.clear();
                stopped |= !own;
            }
        }
        return new Outcome<>(published, failed);
    }

    private boolean mayStart(boolean stopped, Deque<R> ready, long stopStarting) {
        return !stopped && !ready.isEmpty() && nanoTime.getAsLong() - stopStarting < 0;
    }
}
