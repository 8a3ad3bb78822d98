package dev.footwork.system;

import static dev.footwork.system.ProcessKillFaultIT.awaitMoreAcknowledged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.footwork.contracts.CloudEventAttributes;
import dev.footwork.contracts.EventJson;
import dev.footwork.contracts.EventSources;
import dev.footwork.contracts.EventType;
import dev.footwork.contracts.PatientKey;
import dev.footwork.contracts.Topics;
import dev.footwork.contracts.events.ExerciseCompleted;
import dev.footwork.contracts.events.ExerciseDataErased;
import dev.footwork.contracts.events.FootMeasurements;
import dev.footwork.contracts.events.MeasurementsSubmitted;
import dev.footwork.contracts.events.PatientErased;
import dev.footwork.contracts.events.PatientEvent;
import dev.footwork.contracts.events.PhaseCompleted;
import dev.footwork.contracts.vocabulary.BandColour;
import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.contracts.vocabulary.Side;
import dev.footwork.testkit.CloudEventRecords;
import dev.footwork.testkit.DevTokens;
import dev.footwork.testkit.KafkaBroker;
import dev.footwork.testkit.KafkaRecords;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults of the messaging path, on one broker (a broker with a separate controller, so that it can
 * be stopped and started): poison records of every kind on every consumed topic and events
 * published again; two clinics choosing the same event id; an erasure racing completions; the
 * broker stopped for longer than every client timeout; and, last (a consumer that fails here stays
 * failed), the dead-letter topic missing while a poison record arrives.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaFaultIT {

    private static final Logger LOG = Logger.getLogger(KafkaFaultIT.class);
    private static final ObjectMapper JSON = EventJson.newMapper();
    private static final String CLINIC = "clinic-kafka";
    private static final String OTHER_CLINIC = "clinic-other";
    private static final Duration CONVERGE = Duration.ofSeconds(150);
    private static final Duration OUTAGE = Duration.ofSeconds(80);
    private static final String POISON_HEADER = "footwork-test-poison";
    private static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();

    /** Each consumed topic, the event type it carries and the services that consume it. */
    private static final Map<String, EventType> CONSUMED = new LinkedHashMap<>();

    private static final Map<String, List<String>> CONSUMERS = new LinkedHashMap<>();

    static {
        CONSUMED.put(Topics.MEASUREMENTS, EventType.MEASUREMENTS_SUBMITTED);
        CONSUMED.put(Topics.ERASURE_CONFIRMATIONS, EventType.EXERCISE_DATA_ERASED);
        CONSUMED.put(Topics.CLASSIFIED, EventType.FOOT_CLASSIFIED);
        CONSUMED.put(Topics.PROGRESS, EventType.PHASE_COMPLETED);
        CONSUMED.put(Topics.ERASURES, EventType.PATIENT_ERASED);
        CONSUMED.put(Topics.PLANS, EventType.PLAN_ISSUED);
        CONSUMED.put(Topics.COMPLETIONS, EventType.EXERCISE_COMPLETED);
        CONSUMERS.put(Topics.MEASUREMENTS, List.of(Topics.ASSESSMENT_DEAD_LETTER));
        CONSUMERS.put(Topics.ERASURE_CONFIRMATIONS, List.of(Topics.ASSESSMENT_DEAD_LETTER));
        CONSUMERS.put(Topics.CLASSIFIED, List.of(Topics.EXERCISE_DEAD_LETTER));
        CONSUMERS.put(Topics.PROGRESS, List.of(Topics.EXERCISE_DEAD_LETTER));
        CONSUMERS.put(
                Topics.ERASURES, List.of(Topics.EXERCISE_DEAD_LETTER, Topics.PROGRESS_DEAD_LETTER));
        CONSUMERS.put(Topics.PLANS, List.of(Topics.PROGRESS_DEAD_LETTER));
        CONSUMERS.put(Topics.COMPLETIONS, List.of(Topics.PROGRESS_DEAD_LETTER));
    }

    /** Each kind of poison and the dead-letter cause it must be given. */
    private static final Map<String, String> POISON_KINDS = new LinkedHashMap<>();

    static {
        POISON_KINDS.put("not-json", "invalid-json");
        POISON_KINDS.put("missing-id", "invalid-envelope");
        POISON_KINDS.put("wrong-specversion", "unsupported-specversion");
        POISON_KINDS.put("type-of-another-topic", "unexpected-type");
        POISON_KINDS.put("unknown-type", "unknown-type");
        POISON_KINDS.put("schema-violation", "schema-violation");
        POISON_KINDS.put("clinic-mismatch", "envelope-mismatch");
        POISON_KINDS.put("key-mismatch", "key-mismatch");
    }

    private static FaultSystem system;
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void startSystem() throws Exception {
        // topics are all created up front; a deleted dead-letter topic must stay gone
        system =
                FaultSystem.start(
                        () -> KafkaBroker.cluster(1, Map.of("auto.create.topics.enable", "false")),
                        "kafka",
                        Map.of());
        producer = KafkaRecords.producer(system.bootstrapServers());
    }

    @AfterAll
    static void stopSystem() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (system != null) {
            system.close();
        }
    }

    /**
     * Scenario 6: every kind of poison on every consumed topic, under load; an event published 5
     * times with the same id and a completion published again under a new id count once.
     */
    @Test
    @Order(1)
    void poisonRecordsAreDeadLetteredWithAReasonAndRepeatsCountOnce() throws Exception {
        try (SteadyLoad load = SteadyLoad.start(system, CLINIC, "poison-", 3, 3, true)) {
            awaitMoreAcknowledged(load, 20);
            Map<String, ObjectNode> templates = validTemplates(load);
            int n = 0;
            int expectedDeadLetters = 0;
            for (Map.Entry<String, EventType> topic : CONSUMED.entrySet()) {
                for (String kind : POISON_KINDS.keySet()) {
                    String ref = "poison-x" + (++n);
                    producer.send(poison(topic.getKey(), topic.getValue(), kind, ref, templates));
                    expectedDeadLetters += CONSUMERS.get(topic.getKey()).size();
                }
            }
            producer.flush();
            Repeats repeats = publishRepeats("dupe-1");
            awaitMoreAcknowledged(load, 20);
            long published = System.nanoTime();
            FaultFigures.finishAndReport(
                    "poison-records", system, load, published, CONVERGE, expectedDeadLetters);
            assertEveryPoisonDeadLetteredOnceWithItsCause();
            assertRepeatsCountedOnce(repeats);
        }
    }

    /** Scenario 8: two clinics' platforms choose the same event id (same source and id). */
    @Test
    @Order(2)
    void twoClinicsPublishingTheSameEventIdAreBothApplied() throws Exception {
        try (SteadyLoad load = SteadyLoad.start(system, CLINIC, "twin-", 2, 3, true)) {
            awaitMoreAcknowledged(load, 10);
            String measurementId = UUID.randomUUID().toString();
            String ref = "shared-twin";
            for (String clinic : List.of(CLINIC, OTHER_CLINIC)) {
                producer.send(
                        CloudEventRecords.record(
                                EventType.MEASUREMENTS_SUBMITTED,
                                measurementId,
                                SteadyLoad.PLATFORM_SOURCE,
                                measurements(clinic, ref)));
            }
            producer.flush();
            Map<String, UUID> plans = new TreeMap<>();
            for (String clinic : List.of(CLINIC, OTHER_CLINIC)) {
                plans.put(clinic, awaitPlan(clinic, ref));
            }
            String completionId = UUID.randomUUID().toString();
            for (String clinic : List.of(CLINIC, OTHER_CLINIC)) {
                producer.send(
                        CloudEventRecords.record(
                                EventType.EXERCISE_COMPLETED,
                                completionId,
                                EventSources.EXERCISE,
                                completion(clinic, ref, plans.get(clinic), UUID.randomUUID())));
            }
            producer.flush();
            awaitMoreAcknowledged(load, 10);
            long published = System.nanoTime();
            FaultFigures.finishAndReport(
                    "same-event-id-two-clinics", system, load, published, CONVERGE, 0);
            for (String clinic : List.of(CLINIC, OTHER_CLINIC)) {
                await(clinic + ": the shared-id completion counted")
                        .atMost(Duration.ofSeconds(60))
                        .untilAsserted(
                                () ->
                                        assertThat(
                                                        count(
                                                                FaultSystem.PROGRESS,
                                                                "select count(*) from completion where"
                                                                        + " clinic_id = ? and patient_ref"
                                                                        + " = ?",
                                                                clinic,
                                                                ref))
                                                .isEqualTo(1));
                assertThat(
                                count(
                                        FaultSystem.ASSESSMENT,
                                        "select count(*) from assessment where clinic_id = ? and"
                                                + " patient_ref = ?",
                                        clinic,
                                        ref))
                        .as(clinic + " assessments")
                        .isEqualTo(1);
            }
        }
    }

    /**
     * Scenario 7: an erasure racing a stream of completions for the patient (REST and Kafka, some
     * from a device clock 60-90 s fast); afterwards no row of any service names the patient outside
     * the erasure's own bookkeeping.
     */
    @Test
    @Order(3)
    void anErasureRacingCompletionsLeavesNoRowNamingThePatient() throws Exception {
        String ref = "erase-" + UUID.randomUUID().toString().substring(0, 8);
        String token = DevTokens.bearer("clinician", CLINIC);
        HttpResponse<String> created =
                http(
                        "POST",
                        system.service(FaultSystem.ASSESSMENT).baseUrl() + "/api/v1/assessments",
                        """
                        {"patientRef":"%s","assessedAt":"%s","assessor":"clin-1",
                         "feet":[{"side":"LEFT","fpiTotal":8},{"side":"RIGHT","fpiTotal":-7}]}\
                        """
                                .formatted(ref, Instant.now().minusSeconds(3600)),
                        token);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        UUID planId = awaitPlan(CLINIC, ref);
        long sent = 0;
        long acknowledged = 0;
        long countedBefore = 0;
        HttpResponse<String> erasure = null;
        long erasureRequested = 0;
        AtomicLong kafkaAcks = new AtomicLong();
        long kafkaSent = 0;
        for (int i = 0; i < 60; i++) {
            // every third completion comes from a device whose clock is 60 to 90 s fast
            Instant at = Instant.now().plusSeconds(i % 3 == 0 ? 60 + (i % 31) : 0);
            HttpResponse<String> logged =
                    http(
                            "POST",
                            system.service(FaultSystem.EXERCISE).baseUrl()
                                    + "/api/v1/plans/"
                                    + planId
                                    + "/completions",
                            """
                            {"exerciseId":"band-inversion","side":"LEFT","sets":2,"reps":10,
                             "holdSeconds":2,"bandColour":"YELLOW","pain":1,"completedAt":"%s"}\
                            """
                                    .formatted(at),
                            token);
            sent++;
            if (logged.statusCode() == 201 || logged.statusCode() == 200) {
                acknowledged++;
            } else {
                assertThat(logged.statusCode())
                        .as(
                                "a completion after the erasure is refused, not failed: "
                                        + logged.body())
                        .isBetween(400, 499);
            }
            producer.send(
                    CloudEventRecords.record(
                            EventType.EXERCISE_COMPLETED,
                            UUID.randomUUID().toString(),
                            EventSources.EXERCISE,
                            completion(CLINIC, ref, planId, UUID.randomUUID(), at)),
                    (metadata, error) -> {
                        if (error == null) {
                            kafkaAcks.incrementAndGet();
                        }
                    });
            kafkaSent++;
            if (i == 30) {
                countedBefore =
                        count(
                                FaultSystem.PROGRESS,
                                "select count(*) from completion where clinic_id = ? and"
                                        + " patient_ref = ?",
                                CLINIC,
                                ref);
                erasureRequested = System.nanoTime();
                erasure =
                        http(
                                "POST",
                                system.service(FaultSystem.ASSESSMENT).baseUrl()
                                        + "/api/v1/erasures",
                                "{\"patientRef\":\"%s\"}".formatted(ref),
                                DevTokens.bearer("admin", CLINIC));
                assertThat(erasure.statusCode()).as(erasure.body()).isEqualTo(202);
            }
        }
        producer.flush();
        String status = erasure.headers().firstValue("Location").orElseThrow();
        await("erasure completed")
                .atMost(Duration.ofSeconds(90))
                .until(
                        () -> http("GET", status, null, DevTokens.bearer("admin", CLINIC)),
                        r -> r.statusCode() == 200 && r.body().contains("\"COMPLETED\""));
        double toCompleted = (System.nanoTime() - erasureRequested) / 1e9;
        system.awaitConsumersCaughtUp(Duration.ofSeconds(90));
        Map<String, List<String>> remaining = rowsNaming(ref);
        long rows = remaining.values().stream().mapToLong(List::size).sum();
        // applied: completions progress-service had counted when the erasure was requested;
        // recovered_s: from the erasure request to its status COMPLETED in all three services
        FaultFigures.line(
                "erasure-race",
                sent + kafkaSent + 1,
                acknowledged + kafkaAcks.get() + 1,
                countedBefore,
                0,
                0,
                FaultFigures.deadLettered(system, "erase-").size(),
                toCompleted,
                "rows_naming_patient_after=" + rows);
        assertThat(remaining)
                .as("rows naming the patient outside the erasure bookkeeping")
                .allSatisfy((table, found) -> assertThat(found).as(table).isEmpty());
        assertThat(FaultFigures.deadLettered(system, "erase-")).isEmpty();
    }

    /**
     * Scenario 5: progress-service's dead-letter topic refuses writes (min.insync.replicas above
     * its replication factor) while a poison completion arrives amid valid ones; once it accepts
     * writes again the poison is dead-lettered, once, and nothing else is.
     */
    @Test
    @Order(5)
    void aPoisonRecordWaitsForTheDeadLetterTopicAndNothingElseIsDeadLettered() throws Exception {
        try (SteadyLoad load = SteadyLoad.start(system, CLINIC, "dlt-", 3, 4, true)) {
            awaitMoreAcknowledged(load, 20);
            system.admin().deleteTopics(List.of(Topics.PROGRESS_DEAD_LETTER)).all().get();
            long refused = System.nanoTime();
            ObjectNode template = validTemplates(load).get(Topics.COMPLETIONS);
            producer.send(
                    poison(
                            Topics.COMPLETIONS,
                            EventType.EXERCISE_COMPLETED,
                            "schema-violation",
                            "dlt-x1",
                            Map.of(Topics.COMPLETIONS, template)));
            producer.flush();
            await("the dead-letter topic gone for 45 s")
                    .during(Duration.ofSeconds(45))
                    .atMost(Duration.ofSeconds(55))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> FaultFigures.deadLettered(system, "dlt-").isEmpty());
            system.kafka().createTopics(FaultSystem.PARTITIONS, Topics.PROGRESS_DEAD_LETTER);
            long accepted = System.nanoTime();
            LOG.infof("Dead-letter topic missing for %d ms", FaultFigures.millisSince(refused));
            awaitMoreAcknowledged(load, 20);
            FaultFigures.finishAndReport(
                    "dead-letter-topic-deleted", system, load, accepted, CONVERGE, 1);
            List<ConsumerRecord<String, byte[]>> dead = FaultFigures.deadLettered(system, "dlt-");
            assertThat(dead).hasSize(1);
            assertThat(FaultFigures.header(dead.get(0), CloudEventAttributes.DEAD_LETTER_CAUSE))
                    .isEqualTo("schema-violation");
        }
    }

    /**
     * Scenario 2: the broker stopped for 80 s under load, then back; exact totals, and per key the
     * events on every topic in the order each service decided them (its outbox sequence).
     */
    @Test
    @Order(4)
    void theBrokerStoppedFor80sThenBackLosesNothingAndKeepsPerKeyOrder() throws Exception {
        try (SteadyLoad load = SteadyLoad.start(system, CLINIC, "outage-", 3, 40, true)) {
            awaitMoreAcknowledged(load, 20);
            int broker = system.kafka().brokerIds().iterator().next();
            system.kafka().stopBroker(broker);
            long stopped = System.nanoTime();
            await("services alive while the broker is away")
                    .during(OUTAGE)
                    .atMost(OUTAGE.plusSeconds(10))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> allAlive());
            system.kafka().restartBroker(broker);
            long back = System.nanoTime();
            LOG.infof(
                    "Broker %d back after %d ms; %d operations acknowledged",
                    broker, FaultFigures.millisSince(stopped), load.acknowledged());
            awaitMoreAcknowledged(load, 20);
            FaultFigures.finishAndReport("broker-down-80s", system, load, back, CONVERGE, 0);
            assertPerKeyOrderOnEveryProducedTopic();
            for (String service : FaultSystem.SERVICES) {
                system.service(service).awaitReady(Duration.ofSeconds(60));
            }
        }
    }

    private static boolean allAlive() {
        return FaultSystem.SERVICES.stream()
                .allMatch(s -> system.replicas(s).stream().allMatch(ServiceProcess::alive));
    }

    /**
     * For each service and each topic it produces, and for each key: the event ids on the topic, by
     * first occurrence, are the key's published outbox rows in sequence order, none missing.
     */
    private static void assertPerKeyOrderOnEveryProducedTopic() throws Exception {
        List<String> violations = new ArrayList<>();
        int keys = 0;
        for (String service : FaultSystem.SERVICES) {
            Map<String, Map<String, List<String>>> decided = new TreeMap<>();
            system.query(
                    service,
                    "select topic, clinic_id, patient_ref, id from outbox_event"
                            + " where published_at is not null order by seq",
                    row -> {
                        try {
                            decided.computeIfAbsent(row.getString(1), t -> new TreeMap<>())
                                    .computeIfAbsent(
                                            new PatientKey(row.getString(2), row.getString(3))
                                                    .toString(),
                                            k -> new ArrayList<>())
                                    .add(row.getString(4));
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
            for (Map.Entry<String, Map<String, List<String>>> topic : decided.entrySet()) {
                Map<String, List<String>> onTopic = new TreeMap<>();
                for (ConsumerRecord<String, byte[]> record :
                        TopicReader.readAll(system.bootstrapServers(), topic.getKey())) {
                    String id = FaultFigures.header(record, CloudEventAttributes.ID);
                    List<String> ids =
                            onTopic.computeIfAbsent(record.key(), k -> new ArrayList<>());
                    if (!ids.contains(id)) {
                        ids.add(id);
                    }
                }
                for (Map.Entry<String, List<String>> key : topic.getValue().entrySet()) {
                    keys++;
                    List<String> seen = onTopic.getOrDefault(key.getKey(), List.of());
                    Set<String> decidedIds = Set.copyOf(key.getValue());
                    List<String> ours =
                            seen.stream().filter(decidedIds::contains).collect(Collectors.toList());
                    if (!ours.equals(key.getValue())) {
                        violations.add(
                                service
                                        + " "
                                        + topic.getKey()
                                        + " "
                                        + key.getKey()
                                        + ": decided "
                                        + key.getValue()
                                        + ", on topic "
                                        + ours);
                    }
                }
            }
        }
        LOG.infof("Per-key order checked for %d (topic, key) pairs", keys);
        assertThat(violations).as("keys whose topic order differs from the outbox order").isEmpty();
    }

    /** A schema-valid payload for each consumed topic, to spoil one way or another. */
    private static Map<String, ObjectNode> validTemplates(SteadyLoad load) throws Exception {
        Map<String, ObjectNode> templates = new TreeMap<>();
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        templates.put(Topics.MEASUREMENTS, tree(measurements(CLINIC, "template")));
        templates.put(
                Topics.ERASURE_CONFIRMATIONS,
                tree(new ExerciseDataErased(id, CLINIC, "template", now)));
        templates.put(
                Topics.PROGRESS, tree(new PhaseCompleted(id, CLINIC, "template", 1, 90.0, 1, now)));
        templates.put(Topics.ERASURES, tree(new PatientErased(id, CLINIC, "template", now)));
        templates.put(
                Topics.COMPLETIONS, tree(completion(CLINIC, "template", id, UUID.randomUUID())));
        // FootClassified and PlanIssued as the services themselves published them
        for (String topic : List.of(Topics.CLASSIFIED, Topics.PLANS)) {
            ConsumerRecord<String, byte[]> published =
                    await("a " + CONSUMED.get(topic) + " on " + topic)
                            .atMost(Duration.ofSeconds(90))
                            .pollInterval(Duration.ofMillis(500))
                            .until(() -> firstOfType(topic), r -> r != null);
            templates.put(topic, (ObjectNode) JSON.readTree(published.value()));
        }
        return templates;
    }

    private static ConsumerRecord<String, byte[]> firstOfType(String topic) {
        return TopicReader.readAll(system.bootstrapServers(), topic).stream()
                .filter(
                        r ->
                                EventType.ofType(FaultFigures.header(r, CloudEventAttributes.TYPE))
                                        .map(t -> t == CONSUMED.get(topic))
                                        .orElse(false))
                .findFirst()
                .orElse(null);
    }

    private static ObjectNode tree(PatientEvent event) {
        return JSON.valueToTree(event);
    }

    /** A record of the given poison kind for the topic, naming patient {@code ref}. */
    private static ProducerRecord<String, byte[]> poison(
            String topic,
            EventType type,
            String kind,
            String ref,
            Map<String, ObjectNode> templates) {
        ObjectNode payload = templates.get(topic).deepCopy();
        payload.put("clinicId", CLINIC);
        payload.put("patientRef", ref);
        String key = new PatientKey(CLINIC, ref).toString();
        Map<String, String> headers =
                new TreeMap<>(
                        CloudEventRecords.headers(
                                type,
                                UUID.randomUUID().toString(),
                                type.source().orElse("urn:footwork:test:poison"),
                                CLINIC,
                                ref));
        byte[] value = payload.toString().getBytes(StandardCharsets.UTF_8);
        switch (kind) {
            case "not-json" -> value = "{not json".getBytes(StandardCharsets.UTF_8);
            case "missing-id" -> headers.remove(CloudEventAttributes.ID);
            case "wrong-specversion" -> headers.put(CloudEventAttributes.SPEC_VERSION, "0.3");
            case "type-of-another-topic" ->
                    headers.put(
                            CloudEventAttributes.TYPE,
                            (type == EventType.EXERCISE_COMPLETED
                                            ? EventType.PLAN_ISSUED
                                            : EventType.EXERCISE_COMPLETED)
                                    .type());
            case "unknown-type" ->
                    headers.put(CloudEventAttributes.TYPE, "dev.footwork.nonsense.v1");
            case "schema-violation" -> {
                ObjectNode broken = JSON.createObjectNode();
                broken.put("clinicId", CLINIC);
                broken.put("patientRef", ref);
                broken.put("unexpected", 42);
                value = broken.toString().getBytes(StandardCharsets.UTF_8);
            }
            case "clinic-mismatch" -> headers.put(CloudEventAttributes.CLINIC_ID, OTHER_CLINIC);
            case "key-mismatch" -> key = new PatientKey(CLINIC, "someone-else").toString();
            default -> throw new IllegalArgumentException(kind);
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        headers.forEach(
                (name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
        if (Topics.isIngress(topic)) {
            // a platform's valid credential for the record's clinic: the poison is elsewhere
            record.headers()
                    .add(
                            CloudEventAttributes.AUTHORIZATION,
                            DevTokens.bearer(
                                            CloudEventRecords.PLATFORM_ROLE,
                                            headers.get(CloudEventAttributes.CLINIC_ID))
                                    .getBytes(StandardCharsets.UTF_8));
        }
        record.headers().add(POISON_HEADER, (topic + "/" + kind).getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static void assertEveryPoisonDeadLetteredOnceWithItsCause() {
        Map<String, List<String>> causes = new TreeMap<>();
        for (String deadLetterTopic : FaultFigures.DEAD_LETTER_TOPICS) {
            for (ConsumerRecord<String, byte[]> record :
                    TopicReader.readAll(system.bootstrapServers(), deadLetterTopic)) {
                String poison = FaultFigures.header(record, POISON_HEADER);
                if (poison != null && poison.contains("/")) {
                    assertThat(FaultFigures.header(record, CloudEventAttributes.DEAD_LETTER_REASON))
                            .as(poison + " has a reason")
                            .isNotBlank();
                    causes.computeIfAbsent(deadLetterTopic + " " + poison, k -> new ArrayList<>())
                            .add(
                                    FaultFigures.header(
                                            record, CloudEventAttributes.DEAD_LETTER_CAUSE));
                }
            }
        }
        Map<String, List<String>> expected = new TreeMap<>();
        CONSUMERS.forEach(
                (topic, deadLetterTopics) -> {
                    for (String deadLetterTopic : deadLetterTopics) {
                        POISON_KINDS.forEach(
                                (kind, cause) ->
                                        expected.put(
                                                deadLetterTopic + " " + topic + "/" + kind,
                                                List.of(cause)));
                    }
                });
        assertThat(causes).as("dead-letter causes per poison record").isEqualTo(expected);
    }

    private record Repeats(String ref, String measurementId, UUID completionId) {}

    /**
     * A measurement published 5 times with one event id; then a completion against the plan it
     * gives, 5 times with one event id and once more under a new id.
     */
    private static Repeats publishRepeats(String ref) throws Exception {
        String measurementId = UUID.randomUUID().toString();
        for (int i = 0; i < 5; i++) {
            producer.send(
                    CloudEventRecords.record(
                            EventType.MEASUREMENTS_SUBMITTED,
                            measurementId,
                            SteadyLoad.PLATFORM_SOURCE,
                            measurements(CLINIC, ref)));
        }
        producer.flush();
        UUID planId = awaitPlan(CLINIC, ref);
        UUID completionId = UUID.randomUUID();
        ExerciseCompleted completed = completion(CLINIC, ref, planId, completionId);
        String eventId = UUID.randomUUID().toString();
        for (int i = 0; i < 5; i++) {
            producer.send(
                    CloudEventRecords.record(
                            EventType.EXERCISE_COMPLETED,
                            eventId,
                            EventSources.EXERCISE,
                            completed));
        }
        producer.send(
                CloudEventRecords.record(
                        EventType.EXERCISE_COMPLETED,
                        UUID.randomUUID().toString(),
                        EventSources.EXERCISE,
                        completed));
        producer.flush();
        return new Repeats(ref, measurementId, completionId);
    }

    private static void assertRepeatsCountedOnce(Repeats repeats) throws Exception {
        await("the repeated completion applied")
                .atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                count(
                                        FaultSystem.PROGRESS,
                                        "select count(*) from completion where clinic_id = ? and"
                                                + " patient_ref = ?",
                                        CLINIC,
                                        repeats.ref()),
                        n -> n >= 1);
        system.awaitConsumersCaughtUp(Duration.ofSeconds(60));
        assertThat(
                        count(
                                FaultSystem.ASSESSMENT,
                                "select count(*) from assessment where clinic_id = ? and"
                                        + " patient_ref = ?",
                                CLINIC,
                                repeats.ref()))
                .as("assessments from 5 copies of one measurement")
                .isEqualTo(1);
        assertThat(
                        count(
                                FaultSystem.EXERCISE,
                                "select count(*) from plan where clinic_id = ? and patient_ref = ?",
                                CLINIC,
                                repeats.ref()))
                .as("plans")
                .isEqualTo(1);
        assertThat(
                        count(
                                FaultSystem.PROGRESS,
                                "select coalesce(sum(w.completed), 0) from plan_view v join"
                                        + " progress_week w on w.clinic_id = v.clinic_id and"
                                        + " w.plan_id = v.plan_id where v.clinic_id = ? and"
                                        + " v.patient_ref = ?",
                                CLINIC,
                                repeats.ref()))
                .as("sessions counted from one completion published 6 times")
                .isEqualTo(1);
    }

    private static UUID awaitPlan(String clinic, String ref) {
        return await(clinic + "/" + ref + ": a plan")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .ignoreExceptions()
                .until(
                        () -> {
                            List<UUID> ids = new ArrayList<>();
                            system.query(
                                    FaultSystem.EXERCISE,
                                    "select id from plan where clinic_id = ? and patient_ref = ?",
                                    row -> {
                                        try {
                                            ids.add((UUID) row.getObject(1));
                                        } catch (java.sql.SQLException e) {
                                            throw new IllegalStateException(e);
                                        }
                                    },
                                    clinic,
                                    ref);
                            return ids.isEmpty() ? null : ids.get(0);
                        },
                        id -> id != null);
    }

    private static long count(String service, String sql, Object... parameters) throws Exception {
        long[] n = new long[1];
        system.query(
                service,
                sql,
                row -> {
                    try {
                        n[0] = row.getLong(1);
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                },
                parameters);
        return n[0];
    }

    /**
     * Tables kept on purpose after an erasure: the erasure request and the tombstone that remember
     * it, the audit trail of who touched the patient's data, and the outbox (only the erasure's own
     * events, checked separately).
     */
    static final Set<String> ERASURE_BOOKKEEPING =
            Set.of("erasure_request", "erased_patient", "audit_entry", "outbox_event");

    /**
     * Per service and table, the rows whose text (any column) names the patient, outside the
     * erasure bookkeeping; outbox rows that are not the erasure's own events count too.
     */
    private static Map<String, List<String>> rowsNaming(String ref) throws Exception {
        Map<String, List<String>> found = new TreeMap<>();
        for (Map.Entry<String, dev.footwork.testkit.JdbcDatabase> db :
                system.databases().entrySet()) {
            try (Connection c = db.getValue().connect();
                    Statement statement = c.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet names =
                        statement.executeQuery(
                                "select table_name from information_schema.tables where"
                                        + " table_schema = 'public' and table_type = 'BASE TABLE'"
                                        + " and table_name not like 'flyway%'")) {
                    while (names.next()) {
                        tables.add(names.getString(1));
                    }
                }
                for (String table : tables) {
                    String sql =
                            ERASURE_BOOKKEEPING.contains(table)
                                    ? (table.equals("outbox_event")
                                            ? "select t::text from outbox_event t where t::text"
                                                    + " like ? and event_type not like"
                                                    + " 'dev.footwork.privacy.%'"
                                            : null)
                                    : "select t::text from " + table + " t where t::text like ?";
                    if (sql == null) {
                        continue;
                    }
                    try (var query = c.prepareStatement(sql)) {
                        query.setString(1, "%" + ref + "%");
                        try (ResultSet rows = query.executeQuery()) {
                            while (rows.next()) {
                                found.computeIfAbsent(
                                                db.getKey() + "." + table, k -> new ArrayList<>())
                                        .add(rows.getString(1));
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    private static MeasurementsSubmitted measurements(String clinic, String ref) {
        return new MeasurementsSubmitted(
                clinic,
                ref,
                Instant.now().minusSeconds(600),
                "platform",
                List.of(
                        new FootMeasurements(Side.LEFT, null, 8, null, null, null, null),
                        new FootMeasurements(
                                Side.RIGHT,
                                List.of(-1, -1, 0, -1, -1, -1),
                                null,
                                null,
                                null,
                                null,
                                null)));
    }

    private static ExerciseCompleted completion(
            String clinic, String ref, UUID planId, UUID completionId) {
        return completion(clinic, ref, planId, completionId, Instant.now());
    }

    private static ExerciseCompleted completion(
            String clinic, String ref, UUID planId, UUID completionId, Instant at) {
        return new ExerciseCompleted(
                completionId,
                planId,
                1,
                clinic,
                ref,
                ExerciseId.BAND_INVERSION,
                Side.LEFT,
                2,
                10,
                2,
                BandColour.YELLOW,
                1,
                at);
    }

    private static HttpResponse<String> http(String method, String url, String body, String token)
            throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", token)
                        .timeout(Duration.ofSeconds(15));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(String body) throws Exception {
        return JSON.readTree(body);
    }
}
