package dev.footwork.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** The raw baselines, measured on the same broker and server in the same run. */
final class PostgresBaselines {

    private static final String DATABASE = "footwork_progress";

    private PostgresBaselines() {}

    /** Transactions per second of {@code clients} JDBC connections each inserting one row. */
    static double transactionsPerSecond(Run run, int clients, Duration window) throws Exception {
        try (Connection c = run.connect(DATABASE)) {
            Run.execute(
                    c,
                    "create table if not exists bench_tx (id uuid primary key, at timestamptz not null)");
        }
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + window.toNanos();
        List<Thread> threads = new ArrayList<>();
        long began = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            Thread thread =
                    new Thread(
                            () -> {
                                try (Connection c = run.connect(DATABASE);
                                        PreparedStatement s =
                                                c.prepareStatement(
                                                        "insert into bench_tx values (?, now())")) {
                                    while (System.nanoTime() < end) {
                                        s.setObject(1, UUID.randomUUID());
                                        s.executeUpdate();
                                        done.incrementAndGet();
                                    }
                                } catch (SQLException e) {
                                    throw new IllegalStateException(e);
                                }
                            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return done.get() / ((System.nanoTime() - began) / 1e9);
    }

    /**
     * Events per second of what applying a completion needs at least: a processed-event claim
     * (insert, ignoring duplicates) and a counter upsert, 500 events per transaction in JDBC
     * batches (the driver rewrites them into multi-row statements).
     */
    static double dedupUpsertRate(Run run, List<Run.PlanRef> plans, int events) throws Exception {
        try (Connection c = run.connect(DATABASE)) {
            Run.execute(c, "drop table if exists bench_dedup, bench_counter");
            Run.execute(
                    c,
                    "create table bench_dedup (clinic_id varchar(64), event_id uuid, primary key (clinic_id, event_id))");
            Run.execute(
                    c,
                    "create table bench_counter (clinic_id varchar(64), plan_id uuid, week integer, completed integer not null,"
                            + " total_reps bigint not null, primary key (clinic_id, plan_id, week))");
            c.setAutoCommit(false);
            long began = System.nanoTime();
            try (PreparedStatement claim =
                            c.prepareStatement(
                                    "insert into bench_dedup values (?, ?) on conflict do nothing");
                    PreparedStatement count =
                            c.prepareStatement(
                                    "insert into bench_counter values (?, ?, 1, 1, ?) on conflict (clinic_id, plan_id, week)"
                                            + " do update set completed = bench_counter.completed + 1,"
                                            + " total_reps = bench_counter.total_reps + excluded.total_reps")) {
                for (int i = 0; i < events; i++) {
                    Run.PlanRef plan = plans.get(i % plans.size());
                    claim.setString(1, Run.CLINIC);
                    claim.setObject(2, UUID.randomUUID());
                    claim.addBatch();
                    count.setString(1, Run.CLINIC);
                    count.setObject(2, plan.id());
                    count.setLong(3, 20);
                    count.addBatch();
                    if ((i + 1) % 500 == 0 || i == events - 1) {
                        claim.executeBatch();
                        count.executeBatch();
                        c.commit();
                    }
                }
            }
            return events / ((System.nanoTime() - began) / 1e9);
        }
    }

    /** Records per second a plain consumer reads from the topic's beginning to its end. */
    static double plainConsumerRate(String bootstrap, String topic) throws Exception {
        AtomicLong read = new AtomicLong();
        AtomicLong first = new AtomicLong();
        AtomicLong last = new AtomicLong();
        long total = endOffsets(bootstrap, topic);
        try (TopicWatcher watcher =
                new TopicWatcher(
                        bootstrap,
                        topic,
                        true,
                        r -> {
                            first.compareAndSet(0, System.nanoTime());
                            read.incrementAndGet();
                            last.set(System.nanoTime());
                        })) {
            // control records (transaction markers) count in the offsets but are never read
            Waits.until(
                    () ->
                            read.get() >= total
                                    || (first.get() != 0
                                            && System.nanoTime() - last.get() > 3_000_000_000L),
                    Duration.ofMillis(50),
                    Duration.ofSeconds(120));
        }
        return read.get() / Math.max(1e-3, (last.get() - first.get()) / 1e9);
    }

    private static long endOffsets(String bootstrap, String topic) {
        try (var consumer =
                new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(
                        java.util.Map.of("bootstrap.servers", bootstrap),
                        new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                        new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            var partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(
                                    p ->
                                            new org.apache.kafka.common.TopicPartition(
                                                    topic, p.partition()))
                            .toList();
            return consumer.endOffsets(partitions).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }
}
