package dev.footwork.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PerKeySendsTest {

    private static final Duration LONG = Duration.ofSeconds(10);

    /** A row: its key and its position in that key's order. */
    private record Row(String key, int n) {
        @Override
        public String toString() {
            return key + n;
        }
    }

    private final ExecutorService broker = Executors.newFixedThreadPool(4);
    private final List<Row> sent = Collections.synchronizedList(new ArrayList<>());
    private final Set<Row> acknowledged = ConcurrentHashMap.newKeySet();

    @AfterEach
    void stopBroker() {
        broker.shutdownNow();
    }

    private PerKeySends<Row> sends(PerKeySends.Sender<Row> sender) {
        return new PerKeySends<>(
                Row::key, sender, failure -> failure instanceof TooLarge, System::nanoTime);
    }

    /** Acknowledges every row on another thread, after checking its key's order. */
    private void acknowledgeLater(Row row, BiConsumer<Row, Throwable> done) {
        sent.add(row);
        broker.execute(
                () -> {
                    acknowledged.add(row);
                    done.accept(row, null);
                });
    }

    private static List<Row> rows(String... names) {
        List<Row> rows = new ArrayList<>();
        for (String name : names) {
            rows.add(new Row(name.substring(0, 1), Integer.parseInt(name.substring(1))));
        }
        return rows;
    }

    @Test
    void aKeysNextRowIsSentOnlyOnceTheBrokerHasAcknowledgedTheOneBefore() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (int n = 1; n <= 50; n++) {
            for (String key : List.of("a", "b", "c", "d")) {
                rows.add(new Row(key, n));
            }
        }
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        PerKeySends.Outcome<Row> outcome =
                sends(
                                (row, done) -> {
                                    if (row.n() > 1
                                            && !acknowledged.contains(
                                                    new Row(row.key(), row.n() - 1))) {
                                        violations.add(
                                                row + " sent before " + row.key() + (row.n() - 1));
                                    }
                                    acknowledgeLater(row, done);
                                })
                        .publish(rows, LONG, LONG);

        assertThat(violations).isEmpty();
        assertThat(outcome.published()).containsExactlyInAnyOrderElementsOf(rows);
        assertThat(outcome.failed()).isEmpty();
        for (String key : List.of("a", "b", "c", "d")) {
            assertThat(sent.stream().filter(r -> r.key().equals(key)).map(Row::n).toList())
                    .as("order of key " + key)
                    .isSorted()
                    .hasSize(50);
        }
    }

    @Test
    void aRowRefusedForGoodHoldsBackOnlyTheRestOfItsKey() throws Exception {
        PerKeySends.Outcome<Row> outcome =
                sends(
                                (row, done) -> {
                                    if (row.equals(new Row("a", 1))) {
                                        sent.add(row);
                                        broker.execute(() -> done.accept(row, new TooLarge()));
                                    } else {
                                        acknowledgeLater(row, done);
                                    }
                                })
                        .publish(rows("a1", "b1", "a2", "b2", "c1", "a3"), LONG, LONG);

        assertThat(outcome.published()).containsExactlyInAnyOrderElementsOf(rows("b1", "b2", "c1"));
        assertThat(outcome.failed())
                .singleElement()
                .satisfies(
                        failure -> {
                            assertThat(failure.row()).isEqualTo(new Row("a", 1));
                            assertThat(failure.permanent()).isTrue();
                        });
        assertThat(sent).doesNotContain(new Row("a", 2), new Row("a", 3));
    }

    @Test
    void aFailureThatMayPassStopsTheRoundAndLeavesTheKeysLaterRowsUnsent() throws Exception {
        PerKeySends.Outcome<Row> outcome =
                sends(
                                (row, done) -> {
                                    sent.add(row);
                                    done.accept(row, new IllegalStateException("broker away"));
                                })
                        .publish(rows("a1", "a2", "b1", "c1"), LONG, LONG);

        assertThat(sent).containsExactly(new Row("a", 1));
        assertThat(outcome.published()).isEmpty();
        assertThat(outcome.failed())
                .singleElement()
                .satisfies(failure -> assertThat(failure.permanent()).isFalse());
    }

    @Test
    void aSenderThatThrowsCountsAsAFailedSend() throws Exception {
        PerKeySends.Outcome<Row> outcome =
                sends(
                                (row, done) -> {
                                    if (row.key().equals("a")) {
                                        throw new TooLarge();
                                    }
                                    acknowledgeLater(row, done);
                                })
                        .publish(rows("a1", "a2", "b1"), LONG, LONG);

        assertThat(outcome.published()).containsExactly(new Row("b", 1));
        assertThat(outcome.failed())
                .extracting(PerKeySends.Failure::row)
                .containsExactly(new Row("a", 1));
    }

    @Test
    void rowsWhoseOutcomeDoesNotArriveInTimeStayPendingWithTheirKeysLaterRows() throws Exception {
        PerKeySends.Outcome<Row> outcome =
                sends(
                                (row, done) -> {
                                    if (row.key().equals("a")) {
                                        sent.add(row); // never acknowledged
                                    } else {
                                        acknowledgeLater(row, done);
                                    }
                                })
                        .publish(rows("a1", "a2", "b1", "b2"), LONG, Duration.ofMillis(200));

        assertThat(outcome.published()).containsExactlyInAnyOrderElementsOf(rows("b1", "b2"));
        assertThat(outcome.failed()).isEmpty();
        assertThat(sent).doesNotContain(new Row("a", 2));
    }

    @Test
    void noRowIsStartedOnceTheSendingTimeIsOver() throws Exception {
        PerKeySends.Outcome<Row> outcome =
                sends(this::acknowledgeLater).publish(rows("a1", "a2", "b1"), Duration.ZERO, LONG);

        assertThat(sent).isEmpty();
        assertThat(outcome.published()).isEmpty();
    }

    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("record too large");
        }
    }
}
