package dev.footwork.benchmarks;

import dev.footwork.contracts.CloudEventAttributes;
import dev.footwork.contracts.EventSources;
import dev.footwork.contracts.EventType;
import dev.footwork.contracts.Topics;
import dev.footwork.contracts.events.ExerciseCompleted;
import dev.footwork.contracts.vocabulary.BandColour;
import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.contracts.vocabulary.Side;
import dev.footwork.testkit.CloudEventRecords;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** One run of the whole set of figures against a freshly started system. */
final class Run {

    static final String CLINIC = "bench-clinic";
    private static final String HOP_A = "bench.hop.one";
    private static final String HOP_B_IN = "bench.hop.two-in";
    private static final String HOP_B_OUT = "bench.hop.two-out";
    private static final String PLAN_ISSUED = EventType.PLAN_ISSUED.type();
    private static final double WARM_P95_MS = 100;

    private final LocalSystem system;
    private final Sizes sizes;
    private final Figures figures = new Figures();
    private final StringBuilder notes = new StringBuilder();
    private final AtomicInteger patients = new AtomicInteger();
    private final TableScans scans = new TableScans();
    private String clinician;
    private Latencies twoHops;

    Run(LocalSystem system, Sizes sizes) {
        this.system = system;
        this.sizes = sizes;
    }

    Figures figures() {
        return figures;
    }

    String notes() {
        return notes.toString();
    }

    void measure() throws Exception {
        clinician = system.bearer("clinician", CLINIC);
        createBenchTopics();
        warmUp();
        rawHops();
        endToEnd(sizes.rates().get(0));
        seedPlans(sizes.smallPlans());
        requestPhase(sizes.smallPlans());
        for (int rate : sizes.rates().subList(1, sizes.rates().size())) {
            endToEnd(rate);
        }
        seedPlans(sizes.largePlans());
        requestPhase(sizes.largePlans());
        note(
                "Sequential scans during the request phases (per table: seq_scan, seq_tup_read, idx_scan deltas):");
        note(scans.report());
        figures.add(
                "request path: rows read by sequential scans",
                scans.sequentialRowsSummary(),
                "-",
                Double.NaN,
                "0 (no scan on the request path)");
        burst();
        evaluation();
        memory();
    }

    private void note(String text) {
        notes.append(text).append('\n');
        System.out.println(text);
    }

    // --- raw Kafka ----------------------------------------------------------------------------

    private void createBenchTopics() throws Exception {
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                system.bootstrapServers()))) {
            admin.createTopics(
                            List.of(
                                    new NewTopic(HOP_A, 3, (short) 1),
                                    new NewTopic(HOP_B_IN, 3, (short) 1),
                                    new NewTopic(HOP_B_OUT, 3, (short) 1)))
                    .all()
                    .get(60, TimeUnit.SECONDS);
        }
    }

    static KafkaProducer<String, byte[]> producer(String bootstrap, int lingerMs) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        lingerMs,
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    private static byte[] now() {
        return ByteBuffer.allocate(Long.BYTES).putLong(System.nanoTime()).array();
    }

    private static long since(byte[] stamp) {
        return System.nanoTime() - ByteBuffer.wrap(stamp).getLong();
    }

    /**
     * Assessments and raw hops that are not counted: the JITs of the services and broker warm up.
     * Rounds of {@link Sizes#hopWindow} at 20/s until a round's answers come back quickly (p95 at
     * most {@link #WARM_P95_MS}), at most {@link Sizes#warmUpRounds} rounds: on these 2 cores the
     * first 20-40 s of posts were answered in 2-4 s while the services compiled, which a fixed
     * warm-up let into the 10/s figure.
     */
    private void warmUp() throws Exception {
        Duration window = sizes.hopWindow();
        String url = system.url("assessment-service") + "/api/v1/assessments";
        int round = 0;
        double p95;
        do {
            round++;
            Latencies answers = new Latencies();
            AtomicLong answered = new AtomicLong();
            String prefix = "warm-" + round + "-";
            try (KafkaProducer<String, byte[]> producer = producer(system.bootstrapServers(), 0)) {
                paced(
                        20,
                        window,
                        i -> {
                            producer.send(new ProducerRecord<>(HOP_A, "w" + i, now()));
                            long sent = System.nanoTime();
                            HttpLoad.CLIENT
                                    .sendAsync(
                                            HttpLoad.postJson(
                                                    url,
                                                    clinician,
                                                    assessment(prefix + i),
                                                    UUID.randomUUID().toString()),
                                            HttpResponse.BodyHandlers.discarding())
                                    .whenComplete(
                                            (answer, error) -> {
                                                answers.add(System.nanoTime() - sent);
                                                answered.incrementAndGet();
                                            });
                        });
            }
            Waits.until(
                    () -> answered.get() >= 20 * window.toSeconds(),
                    Duration.ofMillis(100),
                    sizes.drainTimeout());
            p95 = answers.percentileMs(95);
            System.out.printf("Warm-up round %d: POST assessment %s%n", round, answers.summary());
        } while (p95 > WARM_P95_MS && round < sizes.warmUpRounds());
        note(
                "Warm-up: "
                        + round
                        + " round(s) of "
                        + window.toSeconds()
                        + " s at 20/s, the last answered with p95 "
                        + Figures.number(p95)
                        + " ms");
    }

    private void rawHops() throws Exception {
        int rate = 50;
        Latencies oneHop = new Latencies();
        try (KafkaProducer<String, byte[]> producer = producer(system.bootstrapServers(), 0);
                TopicWatcher watcher =
                        new TopicWatcher(
                                        system.bootstrapServers(),
                                        HOP_A,
                                        false,
                                        r -> oneHop.add(since(r.value())))
                                .awaitAssigned()) {
            paced(
                    rate,
                    sizes.hopWindow(),
                    i -> producer.send(new ProducerRecord<>(HOP_A, "k" + i, now())));
            producer.flush();
            int expected = (int) (rate * sizes.hopWindow().toSeconds());
            Waits.until(
                    () -> oneHop.count() >= expected,
                    Duration.ofMillis(50),
                    Duration.ofSeconds(20));
        }
        twoHops = new Latencies();
        try (KafkaProducer<String, byte[]> producer = producer(system.bootstrapServers(), 0);
                KafkaProducer<String, byte[]> relay = producer(system.bootstrapServers(), 0);
                TopicWatcher second =
                        new TopicWatcher(
                                        system.bootstrapServers(),
                                        HOP_B_OUT,
                                        false,
                                        r -> twoHops.add(since(r.value())))
                                .awaitAssigned();
                TopicWatcher first =
                        new TopicWatcher(
                                        system.bootstrapServers(),
                                        HOP_B_IN,
                                        false,
                                        r ->
                                                relay.send(
                                                        new ProducerRecord<>(
                                                                HOP_B_OUT, r.key(), r.value())))
                                .awaitAssigned()) {
            paced(
                    rate,
                    sizes.hopWindow(),
                    i -> producer.send(new ProducerRecord<>(HOP_B_IN, "k" + i, now())));
            producer.flush();
            int expected = (int) (rate * sizes.hopWindow().toSeconds());
            Waits.until(
                    () -> twoHops.count() >= expected,
                    Duration.ofMillis(50),
                    Duration.ofSeconds(20));
        }
        figures.add(
                "raw Kafka one hop, 50/s", oneHop.summary() + " (" + oneHop.count() + " records)");
        figures.add(
                "raw Kafka two hops, 50/s",
                twoHops.summary() + " (" + twoHops.count() + " records)");
    }

    /** Calls {@code send} {@code rate} times a second for {@code window}, open-loop. */
    private static void paced(int rate, Duration window, java.util.function.IntConsumer send)
            throws InterruptedException {
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger sent = new AtomicInteger();
        int total = (int) (rate * window.toMillis() / 1000);
        pacer.scheduleAtFixedRate(
                () -> {
                    int i = sent.getAndIncrement();
                    if (i < total) {
                        send.accept(i);
                    }
                },
                0,
                1_000_000_000L / rate,
                TimeUnit.NANOSECONDS);
        Waits.until(() -> sent.get() >= total, Duration.ofMillis(20), window.plusSeconds(30));
        pacer.shutdownNow();
        pacer.awaitTermination(5, TimeUnit.SECONDS);
    }

    // --- end to end ---------------------------------------------------------------------------

    private void endToEnd(int rate) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Latencies latencies = new Latencies();
        AtomicLong lastArrival = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        Map<String, Boolean> seen = new ConcurrentHashMap<>();
        try (TopicWatcher watcher =
                new TopicWatcher(
                                system.bootstrapServers(),
                                Topics.PLANS,
                                false,
                                r -> {
                                    long arrived = System.nanoTime();
                                    if (!PLAN_ISSUED.equals(
                                            header(
                                                    r.headers()
                                                            .lastHeader(
                                                                    CloudEventAttributes.TYPE)))) {
                                        return;
                                    }
                                    String ref =
                                            header(
                                                    r.headers()
                                                            .lastHeader(
                                                                    CloudEventAttributes.SUBJECT));
                                    Long sent = ref == null ? null : sentAt.get(ref);
                                    if (sent != null && seen.putIfAbsent(ref, true) == null) {
                                        latencies.add(arrived - sent);
                                        lastArrival.set(arrived);
                                    }
                                })
                        .awaitAssigned()) {
            String url = system.url("assessment-service") + "/api/v1/assessments";
            AtomicLong answered = new AtomicLong();
            java.util.Set<String> accepted = ConcurrentHashMap.newKeySet();
            Map<String, Long> reasons = new ConcurrentHashMap<>();
            paced(
                    rate,
                    sizes.e2eWindow(),
                    i -> {
                        String ref = "e2e-" + rate + "-" + patients.incrementAndGet();
                        HttpRequest request =
                                HttpLoad.postJson(
                                        url,
                                        clinician,
                                        assessment(ref),
                                        UUID.randomUUID().toString());
                        sentAt.put(ref, System.nanoTime());
                        HttpLoad.CLIENT
                                .sendAsync(request, HttpResponse.BodyHandlers.discarding())
                                .whenComplete(
                                        (answer, error) -> {
                                            if (error != null || answer.statusCode() >= 300) {
                                                refused.incrementAndGet();
                                                reasons.merge(
                                                        error != null
                                                                ? error.getClass().getSimpleName()
                                                                : "HTTP " + answer.statusCode(),
                                                        1L,
                                                        Long::sum);
                                            } else {
                                                accepted.add(ref);
                                            }
                                            answered.incrementAndGet();
                                        });
                    });
            long sendingEnded = System.nanoTime();
            int total = (int) (rate * sizes.e2eWindow().toSeconds());
            Waits.until(() -> answered.get() >= total, Duration.ofMillis(50), sizes.drainTimeout());
            boolean drained =
                    Waits.until(
                            () -> accepted.stream().allMatch(seen::containsKey),
                            Duration.ofMillis(200),
                            sizes.drainTimeout());
            long missing = accepted.stream().filter(r -> !seen.containsKey(r)).count();
            double drainSeconds =
                    latencies.count() == 0
                            ? Double.NaN
                            : Math.max(0, lastArrival.get() - sendingEnded) / 1e9;
            String target =
                    switch (sizes.rates().indexOf(rate)) {
                        case 1 -> "p99 <= 50 ms";
                        case 2 -> "p99 <= 100 ms, no backlog";
                        default -> "-";
                    };
            figures.add(
                    "e2e POST assessment -> PlanIssued, "
                            + rate
                            + "/s open-loop for "
                            + sizes.e2eWindow().toSeconds()
                            + " s",
                    latencies.summary()
                            + ", missing "
                            + missing
                            + (drained ? "" : " (after " + sizes.drainTimeout().toSeconds() + " s)")
                            + (refused.get() > 0
                                    ? ", refused " + refused.get() + " " + reasons
                                    : "")
                            + ", backlog drained "
                            + Figures.number(drainSeconds)
                            + " s after sending",
                    "two raw hops " + twoHops.summary(),
                    latencies.percentileMs(99) / twoHops.percentileMs(99),
                    target);
        }
    }

    private static String header(Header header) {
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static String assessment(String ref) {
        return """
                {"patientRef":"%s","assessedAt":"%s","assessor":"clin-1",
                 "feet":[{"side":"LEFT","fpiTotal":8},{"side":"RIGHT","fpiItems":[-1,-1,0,-1,-1,-1]}]}\
                """
                .formatted(ref, Instant.now().minusSeconds(3600));
    }

    // --- data size ----------------------------------------------------------------------------

    Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", system.dbUser());
        properties.setProperty("password", system.dbPassword());
        properties.setProperty("reWriteBatchedInserts", "true");
        return DriverManager.getConnection(system.jdbcUrl(database), properties);
    }

    private void seedPlans(int wanted) throws Exception {
        long began = System.nanoTime();
        int seeded = PlanSeeding.seedTo(this, wanted);
        figures.add(
                "set-up: plans in the database",
                wanted
                        + " active plans ("
                        + seeded
                        + " cloned from a real plan by SQL in "
                        + Figures.number((System.nanoTime() - began) / 1e9)
                        + " s)");
    }

    /** Plans of the benchmark clinic: id, revision and patient. */
    record PlanRef(UUID id, int revision, String patientRef) {}

    List<PlanRef> activePlans() throws SQLException {
        List<PlanRef> plans = new ArrayList<>();
        try (Connection c = connect("footwork_exercise");
                PreparedStatement s =
                        c.prepareStatement(
                                "select id, revision, patient_ref from plan where clinic_id = ? and status = 'ACTIVE'")) {
            s.setString(1, CLINIC);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    plans.add(
                            new PlanRef(
                                    rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3)));
                }
            }
        }
        return plans;
    }

    // --- request path -------------------------------------------------------------------------

    private void requestPhase(int plansInDatabase) throws Exception {
        List<PlanRef> plans = activePlans();
        List<PlanRef> real =
                plans.stream().filter(p -> !p.patientRef().startsWith(PlanSeeding.PREFIX)).toList();
        String at = " at " + String.format("%,d", plansInDatabase) + " plans";
        String exercise = system.url("exercise-service");
        String progress = system.url("progress-service");
        // first, while the services have no backlog: after the windows below, progress-service
        // still applies the completions they logged, and the baseline would share the cores with it
        HttpLoad.Result health =
                HttpLoad.run(
                        sizes.clients(),
                        sizes.requestWarmUp(),
                        sizes.healthWindow(),
                        () -> get(exercise + "/q/health/live"));
        scans.begin(this);
        HttpLoad.Result completions =
                HttpLoad.run(
                        sizes.clients(),
                        sizes.requestWarmUp(),
                        sizes.restWindow(),
                        () -> {
                            PlanRef plan =
                                    real.get(ThreadLocalRandom.current().nextInt(real.size()));
                            return HttpConnection.Request.postJson(
                                    exercise + "/api/v1/plans/" + plan.id() + "/completions",
                                    clinician,
                                    completion(),
                                    UUID.randomUUID().toString());
                        });
        HttpLoad.Result summary =
                HttpLoad.run(
                        sizes.clients(),
                        sizes.requestWarmUp(),
                        sizes.restWindow(),
                        () ->
                                get(
                                        progress
                                                + "/api/v1/patients/"
                                                + any(plans).patientRef()
                                                + "/progress"));
        HttpLoad.Result active =
                HttpLoad.run(
                        sizes.clients(),
                        sizes.requestWarmUp(),
                        sizes.restWindow(),
                        () ->
                                get(
                                        exercise
                                                + "/api/v1/patients/"
                                                + any(plans).patientRef()
                                                + "/plans/active"));
        scans.end(this);
        double transactions =
                PostgresBaselines.transactionsPerSecond(
                        this, sizes.clients(), sizes.healthWindow());
        String clients = ", " + sizes.clients() + " clients";
        figures.add(
                "REST completions" + clients + at,
                completions.describe(),
                "PostgreSQL "
                        + Figures.number(transactions)
                        + " tx/s (insert + commit"
                        + clients
                        + ")",
                completions.perSecond() / transactions,
                ">= 1,500 req/s, p99 <= 50 ms");
        figures.add(
                "GET progress summary" + clients + at,
                summary.describe(),
                "/q/health/live " + Figures.number(health.perSecond()) + " req/s",
                summary.perSecond() / health.perSecond(),
                ">= 3,000 req/s");
        figures.add(
                "GET plans/active" + clients + at,
                active.describe(),
                "/q/health/live " + Figures.number(health.perSecond()) + " req/s",
                active.perSecond() / health.perSecond(),
                ">= 3,000 req/s");
        figures.add(
                "GET progress / GET plans/active" + at,
                Figures.number(summary.perSecond())
                        + " / "
                        + Figures.number(active.perSecond())
                        + " req/s",
                "-",
                summary.perSecond() / active.perSecond(),
                "within 20 % of each other");
    }

    private static PlanRef any(List<PlanRef> plans) {
        return plans.get(ThreadLocalRandom.current().nextInt(plans.size()));
    }

    private HttpConnection.Request get(String url) {
        return HttpConnection.Request.get(url, clinician);
    }

    private static String completion() {
        return """
                {"completionId":"%s","exerciseId":"band-inversion","side":"LEFT","sets":2,
                 "reps":12,"holdSeconds":3,"bandColour":"YELLOW","pain":1,"completedAt":"%s"}\
                """
                .formatted(UUID.randomUUID(), Instant.now());
    }

    // --- Kafka burst --------------------------------------------------------------------------

    /**
     * A completion as exercise-service publishes it on the internal completions topic: the burst
     * measures progress-service's consumption, with the broker in the same run as the baseline.
     */
    static ProducerRecord<String, byte[]> completed(PlanRef plan) {
        ExerciseCompleted event =
                new ExerciseCompleted(
                        UUID.randomUUID(),
                        plan.id(),
                        plan.revision(),
                        CLINIC,
                        plan.patientRef(),
                        ExerciseId.BAND_INVERSION,
                        Side.LEFT,
                        2,
                        10,
                        2,
                        BandColour.YELLOW,
                        1,
                        Instant.now());
        return CloudEventRecords.record(
                EventType.EXERCISE_COMPLETED,
                UUID.randomUUID().toString(),
                EventSources.EXERCISE,
                event);
    }

    long appliedCompletions() {
        try (Connection c = connect("footwork_progress");
                PreparedStatement s =
                        c.prepareStatement("select count(*) from completion where clinic_id = ?")) {
            s.setString(1, CLINIC);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void burst() throws Exception {
        List<PlanRef> plans = activePlans();
        int n = sizes.burst();
        long before = appliedCompletions();
        long began = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = producer(system.bootstrapServers(), 5)) {
            for (int i = 0; i < n; i++) {
                producer.send(completed(plans.get(i % plans.size())));
            }
            producer.flush();
        }
        double publishSeconds = (System.nanoTime() - began) / 1e9;
        AtomicLong last = new AtomicLong(before);
        AtomicLong lastChange = new AtomicLong(System.nanoTime());
        AtomicLong reached = new AtomicLong();
        Waits.until(
                () -> {
                    long now = appliedCompletions();
                    if (now != last.get()) {
                        last.set(now);
                        lastChange.set(System.nanoTime());
                    }
                    if (now - before >= n) {
                        reached.set(System.nanoTime());
                        return true;
                    }
                    return System.nanoTime() - lastChange.get() > Duration.ofSeconds(60).toNanos();
                },
                Duration.ofMillis(200),
                Duration.ofSeconds(60 + n / 100));
        long applied = last.get() - before;
        double seconds = ((reached.get() != 0 ? reached.get() : lastChange.get()) - began) / 1e9;
        double rate = applied / seconds;
        double plain =
                PostgresBaselines.plainConsumerRate(system.bootstrapServers(), Topics.COMPLETIONS);
        double pipelined = PostgresBaselines.dedupUpsertRate(this, plans, n);
        figures.add(
                String.format(
                        "%,d ExerciseCompleted published on Kafka, applied by progress-service", n),
                Figures.number(rate)
                        + " events/s ("
                        + applied
                        + " applied in "
                        + Figures.number(seconds)
                        + " s; published in "
                        + Figures.number(publishSeconds)
                        + " s)",
                "plain consumer "
                        + Figures.number(plain)
                        + "/s; PostgreSQL dedup insert + counter upsert, JDBC batch "
                        + Figures.number(pipelined)
                        + "/s",
                rate / pipelined,
                ">= 10,000 events/s");
    }

    // --- evaluation ---------------------------------------------------------------------------

    private void evaluation() throws Exception {
        settleEvaluations();
        List<PlanRef> plans = activePlans();
        int changing = Math.max(1, (int) Math.round(plans.size() * sizes.changingShare()));
        long progressPid = system.pid("progress-service");
        long postmaster = system.postmasterPid();
        long logBefore = Files.size(system.log("progress-service"));
        Instant windowStart = Instant.now();
        double serviceCpu = Processes.cpuSeconds(progressPid);
        double postgresCpu = Processes.cpuSecondsWithChildren(postmaster);
        long began = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = producer(system.bootstrapServers(), 5)) {
            int rate =
                    Math.max(
                            1,
                            (int)
                                    Math.ceil(
                                            changing
                                                    / (double)
                                                            sizes.evaluationWindow().toSeconds()));
            List<PlanRef> shuffled = new ArrayList<>(plans);
            java.util.Collections.shuffle(shuffled);
            paced(
                    rate,
                    Duration.ofMillis(1000L * changing / rate),
                    i -> producer.send(completed(shuffled.get(i))));
            long remaining = sizes.evaluationWindow().toNanos() - (System.nanoTime() - began);
            if (remaining > 0) {
                Waits.window(Duration.ofNanos(remaining));
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        double servicePerMinute = (Processes.cpuSeconds(progressPid) - serviceCpu) * 60 / seconds;
        double postgresPerMinute =
                (Processes.cpuSecondsWithChildren(postmaster) - postgresCpu) * 60 / seconds;
        long evaluated = 0;
        long passes = 0;
        try (Connection c = connect("footwork_progress");
                PreparedStatement s =
                        c.prepareStatement(
                                "select count(*), count(distinct evaluated_at) from plan_progress where evaluated_at >= ?")) {
            s.setObject(1, java.sql.Timestamp.from(windowStart));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                evaluated = rs.getLong(1);
                passes = rs.getLong(2);
            }
        }
        String log = Files.readString(system.log("progress-service"));
        List<String> evaluationLines =
                log.substring((int) Math.min(logBefore, log.length()))
                        .lines()
                        .filter(l -> l.toLowerCase().contains("evaluat"))
                        .limit(10)
                        .toList();
        List<String> metricLines = metrics("evaluat");
        note(
                "Evaluation window: progress-service log lines about evaluation: "
                        + (evaluationLines.isEmpty() ? "none" : ""));
        evaluationLines.forEach(l -> note("    " + l));
        note("Evaluation metrics on /q/metrics: " + (metricLines.isEmpty() ? "none" : ""));
        metricLines.forEach(l -> note("    " + l));
        figures.add(
                String.format(
                        "evaluation work per minute at %,d active plans, %d changing (%.0f %%) in %.0f s",
                        plans.size(), changing, sizes.changingShare() * 100, seconds),
                Figures.number(servicePerMinute)
                        + " CPU s/min in progress-service, "
                        + Figures.number(postgresPerMinute)
                        + " CPU s/min in PostgreSQL (measured from /proc; "
                        + evaluated
                        + " plan evaluations kept by "
                        + passes
                        + " pass(es) in the window)",
                "-",
                Double.NaN,
                "<= 2 s of work per minute");
    }

    /**
     * Waits until no plan is due, so that the evaluation window measures its own 1 % and not the
     * burst's plans, which its completions made due (each is evaluated at the next pass).
     */
    private void settleEvaluations() throws Exception {
        long began = System.nanoTime();
        long dueAfterBurst = duePlans();
        boolean settled =
                Waits.until(
                        () -> duePlans() == 0,
                        Duration.ofSeconds(1),
                        sizes.drainTimeout().multipliedBy(3));
        note(
                "Before the evaluation window: "
                        + dueAfterBurst
                        + " plan(s) due after the burst, "
                        + (settled ? "none" : duePlans())
                        + " due "
                        + Figures.number((System.nanoTime() - began) / 1e9)
                        + " s later");
    }

    private long duePlans() {
        try (Connection c = connect("footwork_progress");
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "select count(*) from plan_progress where due_at <= now()")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("counting due plans", e);
        }
    }

    private List<String> metrics(String word) {
        try (HttpConnection connection = new HttpConnection()) {
            return connection
                    .send(
                            HttpConnection.Request.get(
                                    system.url("progress-service") + "/q/metrics", null))
                    .text()
                    .lines()
                    .filter(l -> !l.startsWith("#") && l.toLowerCase().contains(word))
                    .limit(20)
                    .toList();
        } catch (IOException e) {
            return List.of("(no /q/metrics: " + e + ")");
        }
    }

    // --- memory -------------------------------------------------------------------------------

    private void memory() throws IOException {
        Map<String, double[]> resident = new LinkedHashMap<>();
        for (String service : LocalSystem.SERVICES) {
            resident.put(service, Processes.residentMiB(system.pid(service)));
        }
        resident.forEach(
                (service, mib) ->
                        figures.add(
                                "RSS after the run, " + service,
                                Figures.number(mib[0])
                                        + " MiB (peak "
                                        + Figures.number(mib[1])
                                        + " MiB)",
                                "-",
                                Double.NaN,
                                "<= 250 MiB"));
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
