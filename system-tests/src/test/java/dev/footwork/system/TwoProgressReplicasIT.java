package dev.footwork.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footwork.contracts.CloudEventAttributes;
import dev.footwork.contracts.EventJson;
import dev.footwork.contracts.EventSources;
import dev.footwork.contracts.EventType;
import dev.footwork.contracts.Topics;
import dev.footwork.contracts.events.ExerciseCompleted;
import dev.footwork.contracts.events.PatientEvent;
import dev.footwork.contracts.events.PlanIssued;
import dev.footwork.contracts.vocabulary.BandColour;
import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.contracts.vocabulary.PlanContent;
import dev.footwork.contracts.vocabulary.PostureLevel;
import dev.footwork.contracts.vocabulary.Side;
import dev.footwork.testkit.CloudEventRecords;
import dev.footwork.testkit.ConsoleLogging;
import dev.footwork.testkit.DevTokens;
import dev.footwork.testkit.JdbcDatabase;
import dev.footwork.testkit.KafkaBroker;
import dev.footwork.testkit.KafkaRecords;
import dev.footwork.testkit.PostgresServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * progress-service as two replicas (two packaged processes) sharing one database and the default
 * consumer groups, over topics of several partitions so that both replicas consume. One replica is
 * killed with SIGKILL a third of the way through a stream of completions and restarted while the
 * stream goes on. Afterwards every patient's totals are exact on both replicas: redelivered events
 * (the killed replica's uncommitted offsets), completions published again (same event id, or the
 * same completion id under a new event id) and completions that arrived before their plan are each
 * counted exactly once; and each progress alert the two replicas' evaluation passes raised is
 * published once.
 */
class TwoProgressReplicasIT {

    private static final Logger LOG = Logger.getLogger(TwoProgressReplicasIT.class);

    private static final String CLINIC = "clinic-a";
    private static final String CLINICIAN = "clinician";
    private static final String SOURCE = EventSources.EXERCISE;
    private static final int PARTITIONS = 6;

    /**
     * Consumers per channel in each replica (footwork.consumers.concurrency): 2 x 3 = PARTITIONS.
     */
    private static final int CONSUMERS_PER_REPLICA = 3;

    private static final List<String> CONSUMER_GROUPS =
            List.of("progress-service.plans", "progress-service.completions");

    private static final int PATIENTS = 200;
    private static final int COMPLETIONS_PER_PATIENT = 10;

    /** Patients whose first completions are published (and applied) before their plan. */
    private static final int EARLY_PATIENTS = 10;

    private static final int EARLY_COMPLETIONS = 3;

    /** Completions published a second time with the same CloudEvents id (a redelivery). */
    private static final int DUPLICATES = 150;

    /** Completions published a second time under a new CloudEvents id (a client resending). */
    private static final int RESENT = 50;

    // the stream is paced so that the kill and the restart land while the replicas are consuming
    private static final int CHUNK = 50;
    private static final Duration CHUNK_PAUSE = Duration.ofMillis(150);

    private static final int PARALLEL_READS = 10;
    private static final Duration READY = Duration.ofSeconds(90);
    private static final Duration CONVERGED = Duration.ofSeconds(180);
    private static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
    private static final ObjectMapper JSON = EventJson.newMapper();

    private static KafkaBroker kafka;
    private static JdbcDatabase database;
    private static Admin admin;
    private static ServiceProcess replicaA;
    private static ServiceProcess replicaB;

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        ConsoleLogging.install();
        Path root = Path.of(System.getProperty("footwork.root", "..")).toAbsolutePath().normalize();
        Path logs = root.resolve("system-tests/target/service-logs");
        kafka = KafkaBroker.single();
        // before any consumer joins, so that the group's partitions are split between both
        kafka.createTopics(PARTITIONS, Topics.PLANS, Topics.COMPLETIONS);
        admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                kafka.bootstrapServers()));
        database = PostgresServer.shared().createDatabase("replicas_progress");
        Map<String, String> env =
                Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                        "QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                        "QUARKUS_DATASOURCE_USERNAME", database.username(),
                        "QUARKUS_DATASOURCE_PASSWORD", database.password(),
                        "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                                DevTokens.shared().publicKeyFile().toString(),
                        "FOOTWORK_CONSUMERS_CONCURRENCY", String.valueOf(CONSUMERS_PER_REPLICA));
        replicaA = ServiceProcess.start(root, "progress-service", env, logs);
        replicaB = ServiceProcess.start(root, "progress-service", env, logs);
        replicaA.awaitReady(READY);
        replicaB.awaitReady(READY);
        awaitBothReplicasInEachGroup();
    }

    @AfterAll
    static void stopAll() throws Exception {
        for (ServiceProcess replica : new ServiceProcess[] {replicaA, replicaB}) {
            if (replica != null) {
                replica.close();
            }
        }
        if (admin != null) {
            admin.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void bothReplicasConvergeOnExactTotalsDespiteAKilledReplicaDuplicatesAndEarlyCompletions()
            throws Exception {
        long testStarted = System.nanoTime();
        Workload workload = Workload.generate(new Random(20261124));
        ReplicaAnswers answers;
        try (KafkaProducer<String, byte[]> producer =
                KafkaRecords.producer(kafka.bootstrapServers())) {
            publishCompletionsBeforeTheirPlans(producer, workload);
            publishEveryPlan(producer, workload);
            Timeline timeline = publishCompletionStream(producer, workload);
            awaitReplicaBBackAndEveryCompletionApplied(workload, timeline);
            answers = awaitExactTotalsOnBothReplicas(workload, timeline);
        }
        assertAnswersNameTheirPlanAndSumToWhatWasPublished(workload, answers);
        assertEachConsumerProcessedEveryCompletion(workload);
        assertNothingDeadLettered();
        assertEachAlertPublishedOnce();
        LOG.infof(
                "Sum over all patients on both replicas: %s; test body took %d ms",
                sum(answers.a().values()), millisSince(testStarted));
    }

    /**
     * Step 1: completions of patients whose plan nobody has seen yet are applied (recorded as
     * processed), yet neither replica shows progress for those patients.
     */
    private static void publishCompletionsBeforeTheirPlans(
            KafkaProducer<String, byte[]> producer, Workload workload) throws Exception {
        List<Completion> early = workload.early();
        early.forEach(c -> send(producer, EventType.EXERCISE_COMPLETED, c.eventId(), c.event()));
        producer.flush();
        await("completions before their plan are applied")
                .atMost(Duration.ofSeconds(60))
                .until(() -> applied(early), n -> n == early.size());
        String token = DevTokens.bearer(CLINICIAN, CLINIC);
        for (PatientStory patient : workload.patients().subList(0, EARLY_PATIENTS)) {
            for (ServiceProcess replica : List.of(replicaA, replicaB)) {
                assertThat(progress(replica, patient.ref(), token).statusCode())
                        .as("%s before its plan", patient.ref())
                        .isEqualTo(404);
            }
        }
    }

    /** Step 2: every patient's plan. */
    private static void publishEveryPlan(
            KafkaProducer<String, byte[]> producer, Workload workload) {
        for (PatientStory patient : workload.patients()) {
            send(producer, EventType.PLAN_ISSUED, patient.planEventId(), patient.plan());
        }
        producer.flush();
    }

    /**
     * Step 3: the completions, interleaved across patients, while replica B is killed and
     * restarted.
     */
    private static Timeline publishCompletionStream(
            KafkaProducer<String, byte[]> producer, Workload workload) throws Exception {
        long publishStarted = System.nanoTime();
        long killedAt =
                publishKillingAndRestartingReplicaB(
                        producer, workload.stream(), workload.distinct());
        long published = System.nanoTime();
        LOG.infof(
                "Published %d plans and %d completion records (%d distinct, %d of them before"
                        + " their plan, %d published again with the same event id, %d under a"
                        + " new one) in %d ms; %d applied",
                workload.patients().size(),
                workload.early().size() + workload.stream().size(),
                workload.distinct().size(),
                workload.early().size(),
                DUPLICATES,
                RESENT,
                TimeUnit.NANOSECONDS.toMillis(published - publishStarted),
                applied(workload.distinct()));
        return new Timeline(killedAt, published);
    }

    /** Step 4: replica B ready and consuming again, then every distinct completion applied. */
    private static void awaitReplicaBBackAndEveryCompletionApplied(
            Workload workload, Timeline timeline) throws Exception {
        List<Completion> distinct = workload.distinct();
        replicaB.awaitReady(READY);
        LOG.infof(
                "Replica B ready again %d ms after the kill; %d applied",
                millisSince(timeline.killedAt()), applied(distinct));
        awaitBothReplicasInEachGroup();
        LOG.infof(
                "%d applied %d ms after the kill",
                applied(distinct), millisSince(timeline.killedAt()));
        await("every completion applied")
                .atMost(CONVERGED)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> applied(distinct), n -> n == distinct.size());
        LOG.infof(
                "All %d completions applied %d ms after the last was published, %d ms after"
                        + " the kill",
                distinct.size(),
                millisSince(timeline.published()),
                millisSince(timeline.killedAt()));
    }

    /**
     * Step 5: every patient's totals, exact, on either replica, and both replicas alike.
     *
     * @return each replica's answer per patient once they are
     */
    private static ReplicaAnswers awaitExactTotalsOnBothReplicas(
            Workload workload, Timeline timeline) {
        Map<String, Totals> expected = new TreeMap<>();
        workload.patients().forEach(p -> expected.put(p.ref(), p.expected()));
        ReplicaAnswers answers = new ReplicaAnswers(new TreeMap<>(), new TreeMap<>());
        await("every patient's totals on both replicas")
                .atMost(CONVERGED)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(
                        () -> {
                            Map<String, HttpResponse<String>> a = readAll(replicaA, expected);
                            Map<String, HttpResponse<String>> b = readAll(replicaB, expected);
                            assertThat(mismatches(expected, a, b)).isEmpty();
                            a.forEach((patient, r) -> answers.a().put(patient, json(r)));
                            b.forEach((patient, r) -> answers.b().put(patient, json(r)));
                        });
        LOG.infof(
                "Both replicas exact for all %d patients %d ms after the last completion was"
                        + " published, %d ms after the kill",
                workload.patients().size(),
                millisSince(timeline.published()),
                millisSince(timeline.killedAt()));
        return answers;
    }

    private static void assertAnswersNameTheirPlanAndSumToWhatWasPublished(
            Workload workload, ReplicaAnswers answers) {
        List<PatientStory> patients = workload.patients();
        for (PatientStory patient : patients) {
            assertThat(answers.a().get(patient.ref()).get("planId").asText())
                    .isEqualTo(patient.plan().planId().toString());
        }
        Totals expectedSum =
                patients.stream().map(PatientStory::expected).reduce(Totals.NONE, Totals::plus);
        assertThat(sum(answers.a().values())).isEqualTo(expectedSum);
        assertThat(sum(answers.b().values())).isEqualTo(expectedSum);
        assertThat(expectedSum.completedSessions()).isEqualTo(PATIENTS * COMPLETIONS_PER_PATIENT);
    }

    private static void assertEachConsumerProcessedEveryCompletion(Workload workload)
            throws Exception {
        List<Completion> distinct = workload.distinct();
        assertThat(processedCount(distinct))
                .as("per consumer, how many of the completions are recorded as processed")
                .isNotEmpty()
                .allSatisfy((consumer, count) -> assertThat(count).isEqualTo(distinct.size()));
    }

    private static void assertNothingDeadLettered() {
        assertThat(
                        KafkaRecords.poll(
                                kafka.bootstrapServers(),
                                Topics.PROGRESS_DEAD_LETTER,
                                1,
                                Duration.ofSeconds(3)))
                .as("dead-lettered records")
                .isEmpty();
    }

    /**
     * Publishes the stream in paced chunks, kills replica B with SIGKILL after a third of it and
     * starts it again (same port, not waiting for it) after two thirds.
     *
     * @return when replica B was killed ({@link System#nanoTime()})
     */
    private static long publishKillingAndRestartingReplicaB(
            KafkaProducer<String, byte[]> producer,
            List<Completion> stream,
            List<Completion> distinct)
            throws Exception {
        int killAt = stream.size() / 3;
        int restartAt = 2 * stream.size() / 3;
        long killedAt = 0;
        for (int i = 0; i < stream.size(); i++) {
            Completion c = stream.get(i);
            send(producer, EventType.EXERCISE_COMPLETED, c.eventId(), c.event());
            if (i == killAt) {
                producer.flush();
                long pid = replicaB.pid();
                int exit = replicaB.kill();
                killedAt = System.nanoTime();
                LOG.infof(
                        "Killed replica B (pid %d, exit %d) after %d of %d completions; %d applied",
                        pid, exit, i + 1, stream.size(), applied(distinct));
            } else if (i == restartAt) {
                producer.flush();
                replicaB = replicaB.restart();
                LOG.infof(
                        "Restarting replica B (pid %d) on %s after %d of %d completions, %d ms"
                                + " after the kill; %d applied",
                        replicaB.pid(),
                        replicaB.baseUrl(),
                        i + 1,
                        stream.size(),
                        millisSince(killedAt),
                        applied(distinct));
            }
            if ((i + 1) % CHUNK == 0) {
                producer.flush();
                Thread.sleep(CHUNK_PAUSE.toMillis());
            }
        }
        producer.flush();
        return killedAt;
    }

    /**
     * The regular completions shuffled, with {@link #DUPLICATES} of all completions published a
     * second time with the same event id, and {@link #RESENT} others under a new event id, later in
     * the stream (for an early one, anywhere in it).
     */
    private static List<Completion> withDuplicates(
            List<Completion> regular, List<Completion> early, Random random) {
        List<Completion> shuffled = new ArrayList<>(regular);
        Collections.shuffle(shuffled, random);
        record Placed(double at, Completion completion) {}
        List<Placed> placed = new ArrayList<>();
        Map<String, Double> position = new HashMap<>();
        for (int i = 0; i < shuffled.size(); i++) {
            double at = (double) i / shuffled.size();
            placed.add(new Placed(at, shuffled.get(i)));
            position.put(shuffled.get(i).eventId(), at);
        }
        List<Completion> all = new ArrayList<>(early);
        all.addAll(regular);
        Collections.shuffle(all, random);
        for (int i = 0; i < DUPLICATES + RESENT; i++) {
            Completion original = all.get(i);
            Completion again =
                    i < DUPLICATES
                            ? original
                            : new Completion(UUID.randomUUID().toString(), original.event());
            double after = position.getOrDefault(original.eventId(), 0.0);
            placed.add(new Placed(after + (1 - after) * random.nextDouble(), again));
        }
        placed.sort(Comparator.comparingDouble(Placed::at));
        return placed.stream().map(Placed::completion).toList();
    }

    /**
     * What differs from the expected totals on either replica, and where the replicas' answers
     * differ from each other; empty once both are exact and alike.
     */
    private static List<String> mismatches(
            Map<String, Totals> expected,
            Map<String, HttpResponse<String>> a,
            Map<String, HttpResponse<String>> b) {
        List<String> wrong = new ArrayList<>();
        expected.forEach(
                (ref, totals) -> {
                    boolean exactOnA = isExact("A", ref, a.get(ref), totals, wrong);
                    boolean exactOnB = isExact("B", ref, b.get(ref), totals, wrong);
                    if (exactOnA && exactOnB && !json(a.get(ref)).equals(json(b.get(ref)))) {
                        wrong.add(
                                ref
                                        + ": A answers "
                                        + a.get(ref).body()
                                        + ", B answers "
                                        + b.get(ref).body());
                    }
                });
        return wrong;
    }

    private static boolean isExact(
            String replica,
            String ref,
            HttpResponse<String> answer,
            Totals expected,
            List<String> wrong) {
        if (answer.statusCode() != 200) {
            wrong.add(replica + " " + ref + ": HTTP " + answer.statusCode());
            return false;
        }
        Totals actual = Totals.of(json(answer));
        if (!actual.equals(expected)) {
            wrong.add(replica + " " + ref + ": " + actual + ", expected " + expected);
            return false;
        }
        return true;
    }

    /** One replica's progress answer for each patient, a few requests at a time. */
    private static Map<String, HttpResponse<String>> readAll(
            ServiceProcess replica, Map<String, Totals> patients) {
        String token = DevTokens.bearer(CLINICIAN, CLINIC);
        List<String> refs = List.copyOf(patients.keySet());
        Map<String, HttpResponse<String>> answers = new TreeMap<>();
        for (int from = 0; from < refs.size(); from += PARALLEL_READS) {
            List<String> batch = refs.subList(from, Math.min(refs.size(), from + PARALLEL_READS));
            List<CompletableFuture<HttpResponse<String>>> calls =
                    batch.stream()
                            .map(
                                    ref ->
                                            HTTP.sendAsync(
                                                    progressRequest(replica, ref, token),
                                                    HttpResponse.BodyHandlers.ofString()))
                            .toList();
            for (int i = 0; i < batch.size(); i++) {
                answers.put(batch.get(i), calls.get(i).join());
            }
        }
        return answers;
    }

    private static Totals sum(Collection<JsonNode> answers) {
        return answers.stream().map(Totals::of).reduce(Totals.NONE, Totals::plus);
    }

    /**
     * Every alert the replicas claimed (progress_alert) reaches the progress topic, under one event
     * id, and no alert is published twice under different ids. Within this test all alerts fall in
     * one plan week, so a plan has at most one AdherenceDropped.
     */
    private static void assertEachAlertPublishedOnce() {
        List<ConsumerRecord<String, String>> published = new ArrayList<>();
        await("every claimed alert published")
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> {
                            published.clear();
                            published.addAll(
                                    KafkaRecords.poll(
                                            kafka.bootstrapServers(),
                                            Topics.PROGRESS,
                                            Integer.MAX_VALUE,
                                            Duration.ofSeconds(2)));
                            assertThat(eventIds(published)).isEqualTo(claimedAlertIds());
                        });
        Map<String, Set<String>> idsByAlert = new TreeMap<>();
        for (ConsumerRecord<String, String> record : published) {
            idsByAlert
                    .computeIfAbsent(alertIdentity(record), alert -> new TreeSet<>())
                    .add(KafkaRecords.header(record, CloudEventAttributes.ID));
        }
        assertThat(idsByAlert)
                .as("event ids per alert")
                .allSatisfy((alert, ids) -> assertThat(ids).as(alert).hasSize(1));
        LOG.infof(
                "%d progress alerts published, each once: %s",
                idsByAlert.size(),
                idsByAlert.keySet().stream()
                        .collect(
                                Collectors.groupingBy(
                                        alert -> alert.substring(0, alert.indexOf(' ')),
                                        TreeMap::new,
                                        Collectors.counting())));
    }

    /**
     * What makes an alert the same alert: its type, plan and (per type) rule, week, phase or date.
     */
    private static String alertIdentity(ConsumerRecord<String, String> record) {
        String type = KafkaRecords.header(record, CloudEventAttributes.TYPE);
        JsonNode event;
        try {
            event = JSON.readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + record.value(), e);
        }
        String detail =
                switch (EventType.ofType(type).orElseThrow()) {
                    case PAIN_RULE_BROKEN ->
                            event.get("rule").asText() + " week " + event.get("week").asText();
                    case PHASE_COMPLETED -> "phase " + event.get("phase").asText();
                    case REASSESSMENT_DUE -> event.get("dueOn").asText();
                    default -> "";
                };
        return type + " " + event.get("planId").asText() + " " + detail;
    }

    private static Set<String> eventIds(List<ConsumerRecord<String, String>> records) {
        return records.stream()
                .map(record -> KafkaRecords.header(record, CloudEventAttributes.ID))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> claimedAlertIds() throws Exception {
        try (Connection connection = database.connect();
                ResultSet rows =
                        connection
                                .createStatement()
                                .executeQuery(
                                        "select event_id from progress_alert"
                                                + " where event_id is not null")) {
            Set<String> ids = new TreeSet<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        }
    }

    /** How many of these completions progress-service records as applied (processed_event). */
    private static long applied(List<Completion> completions) throws Exception {
        return processedCount(completions).values().stream().mapToLong(n -> n).sum();
    }

    /** Per consumer, how many of these completions processed_event records as applied. */
    private static Map<String, Long> processedCount(List<Completion> completions) throws Exception {
        try (Connection connection = database.connect();
                PreparedStatement query =
                        connection.prepareStatement(
                                "select consumer, count(*) from processed_event"
                                        + " where event_id = any(?) group by consumer")) {
            Array ids =
                    connection.createArrayOf(
                            "varchar", completions.stream().map(Completion::eventId).toArray());
            query.setArray(1, ids);
            Map<String, Long> counts = new TreeMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
            return counts;
        }
    }

    /**
     * Waits until each consumer group has exactly the two replicas' consumers (each replica runs
     * {@link #CONSUMERS_PER_REPLICA} per channel) and each holds partitions: both replicas consume,
     * and a killed replica's members have been evicted.
     */
    private static void awaitBothReplicasInEachGroup() throws Exception {
        long started = System.nanoTime();
        await("both replicas' consumers with partitions in each group")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(
                        () -> {
                            Map<String, ConsumerGroupDescription> groups =
                                    admin.describeConsumerGroups(CONSUMER_GROUPS).all().get();
                            for (ConsumerGroupDescription group : groups.values()) {
                                assertThat(group.members())
                                        .as(group.groupId() + " members")
                                        .hasSize(2 * CONSUMERS_PER_REPLICA)
                                        .allSatisfy(
                                                m ->
                                                        assertThat(m.assignment().topicPartitions())
                                                                .isNotEmpty());
                            }
                        });
        for (ConsumerGroupDescription group :
                admin.describeConsumerGroups(CONSUMER_GROUPS).all().get().values()) {
            LOG.infof(
                    "%s (%s protocol, %s assignor): partitions %s after %d ms",
                    group.groupId(),
                    group.type(),
                    group.partitionAssignor(),
                    assignment(group),
                    millisSince(started));
        }
    }

    private static String assignment(ConsumerGroupDescription group) {
        return group.members().stream()
                .map(MemberDescription::assignment)
                .map(
                        a ->
                                a.topicPartitions().stream()
                                        .map(TopicPartition::partition)
                                        .sorted()
                                        .map(String::valueOf)
                                        .collect(Collectors.joining(",", "[", "]")))
                .collect(Collectors.joining(" "));
    }

    private static void send(
            KafkaProducer<String, byte[]> producer,
            EventType type,
            String eventId,
            PatientEvent event) {
        producer.send(CloudEventRecords.record(type, eventId, SOURCE, event));
    }

    private static HttpResponse<String> progress(
            ServiceProcess replica, String patient, String token) throws Exception {
        return HTTP.send(
                progressRequest(replica, patient, token), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest progressRequest(
            ServiceProcess replica, String patient, String token) {
        return HttpRequest.newBuilder(
                        URI.create(replica.baseUrl() + "/api/v1/patients/" + patient + "/progress"))
                .header("Authorization", token)
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + response.body(), e);
        }
    }

    private static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }

    /**
     * What the test publishes: the patients with their plans and completions; the completions
     * published before any plan; all distinct completions; and the stream of the others as
     * published, shuffled and with duplicates.
     */
    private record Workload(
            List<PatientStory> patients,
            List<Completion> early,
            List<Completion> distinct,
            List<Completion> stream) {

        static Workload generate(Random random) {
            LocalDate startsOn = LocalDate.now(ZoneOffset.UTC).minusWeeks(3);
            List<PatientStory> patients = new ArrayList<>();
            for (int i = 0; i < PATIENTS; i++) {
                patients.add(PatientStory.generate("runner-%03d".formatted(i), startsOn, random));
            }
            List<Completion> early = new ArrayList<>();
            List<Completion> regular = new ArrayList<>();
            for (int i = 0; i < PATIENTS; i++) {
                List<Completion> all = patients.get(i).completions();
                int cut = i < EARLY_PATIENTS ? EARLY_COMPLETIONS : 0;
                early.addAll(all.subList(0, cut));
                regular.addAll(all.subList(cut, all.size()));
            }
            List<Completion> distinct = new ArrayList<>(early);
            distinct.addAll(regular);
            return new Workload(patients, early, distinct, withDuplicates(regular, early, random));
        }
    }

    /** When replica B was killed and when the last completion was published (nanoTime). */
    private record Timeline(long killedAt, long published) {}

    /** Each replica's progress answer per patient, once both are exact. */
    private record ReplicaAnswers(Map<String, JsonNode> a, Map<String, JsonNode> b) {}

    /** One event as published: its CloudEvents id and payload. */
    private record Completion(String eventId, ExerciseCompleted event) {}

    /** The totals the API reports, as the test computes them from what it published. */
    private record Totals(int completedSessions, long totalReps, long volume, int maxPain) {
        static final Totals NONE = new Totals(0, 0, 0, 0);

        static Totals of(JsonNode summary) {
            return new Totals(
                    summary.get("completedSessions").asInt(),
                    summary.get("totalReps").asLong(),
                    summary.get("volume").asLong(),
                    summary.get("maxPain").asInt());
        }

        Totals plus(ExerciseCompleted c) {
            return new Totals(
                    completedSessions + 1,
                    totalReps + (long) c.sets() * c.reps(),
                    volume + (long) c.sets() * c.reps() * c.holdSeconds(),
                    Math.max(maxPain, c.pain()));
        }

        Totals plus(Totals other) {
            return new Totals(
                    completedSessions + other.completedSessions,
                    totalReps + other.totalReps,
                    volume + other.volume,
                    Math.max(maxPain, other.maxPain));
        }
    }

    /** A patient's plan and the sessions they log against it, with the totals those make. */
    private record PatientStory(
            String ref, String planEventId, PlanIssued plan, List<Completion> completions) {

        /** What the plan prescribes: band inversion and towel grab left, heel raise right. */
        private static final List<PlanContent.FootPlan> FEET =
                List.of(
                        new PlanContent.FootPlan(
                                Side.LEFT,
                                PostureLevel.PRONATED,
                                List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
                                List.of(
                                        new PlanContent.Prescription(
                                                ExerciseId.BAND_INVERSION,
                                                PlanContent.Role.EMPHASIS,
                                                3,
                                                12,
                                                3,
                                                BandColour.YELLOW,
                                                3),
                                        new PlanContent.Prescription(
                                                ExerciseId.TOWEL_GRAB,
                                                PlanContent.Role.SUPPORTING,
                                                2,
                                                15,
                                                0,
                                                null,
                                                2))),
                        new PlanContent.FootPlan(
                                Side.RIGHT,
                                PostureLevel.NEUTRAL,
                                List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY),
                                List.of(
                                        new PlanContent.Prescription(
                                                ExerciseId.HEEL_RAISE,
                                                PlanContent.Role.MAINTENANCE,
                                                2,
                                                10,
                                                2,
                                                null,
                                                2))));

        static PatientStory generate(String ref, LocalDate startsOn, Random random) {
            UUID planId = UUID.randomUUID();
            PlanContent content =
                    new PlanContent(
                            PlanContent.PlanStatus.ACTIVE,
                            startsOn,
                            8,
                            1,
                            List.of(
                                    new PlanContent.Phase(1, "foundation", 1, 4),
                                    new PlanContent.Phase(2, "build", 5, 8)),
                            FEET,
                            List.of(startsOn.plusWeeks(8)));
            PlanIssued plan =
                    new PlanIssued(
                            planId,
                            CLINIC,
                            ref,
                            UUID.randomUUID(),
                            1,
                            startsOn.atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(3600),
                            null,
                            content);
            List<Completion> completions = new ArrayList<>();
            for (int i = 0; i < COMPLETIONS_PER_PATIENT; i++) {
                PlanContent.FootPlan foot = FEET.get(random.nextInt(FEET.size()));
                PlanContent.Prescription exercise =
                        foot.prescriptions().get(random.nextInt(foot.prescriptions().size()));
                completions.add(
                        new Completion(
                                UUID.randomUUID().toString(),
                                new ExerciseCompleted(
                                        UUID.randomUUID(),
                                        planId,
                                        1,
                                        CLINIC,
                                        ref,
                                        exercise.exerciseId(),
                                        foot.side(),
                                        1 + random.nextInt(4),
                                        5 + random.nextInt(16),
                                        random.nextInt(6),
                                        exercise.bandColour(),
                                        random.nextInt(9),
                                        // within the plan's first three weeks, all in the past
                                        startsOn.atStartOfDay()
                                                .toInstant(ZoneOffset.UTC)
                                                .plusSeconds(60L * random.nextInt(20 * 24 * 60)))));
            }
            return new PatientStory(ref, UUID.randomUUID().toString(), plan, completions);
        }

        Totals expected() {
            Totals totals = Totals.NONE;
            for (Completion c : completions) {
                totals = totals.plus(c.event());
            }
            return totals;
        }
    }
}
