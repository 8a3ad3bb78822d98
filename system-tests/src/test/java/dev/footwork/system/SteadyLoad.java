package dev.footwork.system;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footwork.contracts.EventJson;
import dev.footwork.contracts.EventSources;
import dev.footwork.contracts.EventType;
import dev.footwork.contracts.events.ExerciseCompleted;
import dev.footwork.contracts.events.FootMeasurements;
import dev.footwork.contracts.events.MeasurementsSubmitted;
import dev.footwork.contracts.vocabulary.BandColour;
import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.contracts.vocabulary.Side;
import dev.footwork.testkit.CloudEventRecords;
import dev.footwork.testkit.DevTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * A steady load on the running system, the way clinics produce it: over REST, assessments (each
 * becomes a plan) and then completions against the plan, each request retried with the same
 * Idempotency-Key (and completion id) until it is answered; over Kafka, a clinic platform
 * publishing MeasurementsSubmitted (on its ingress topic, with its credential) for further
 * patients, and ExerciseCompleted, as exercise-service would publish it, against the plans the REST
 * patients got. Remembers what was sent and what was acknowledged, so that the totals each service
 * should show are known exactly.
 */
final class SteadyLoad implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SteadyLoad.class);
    private static final ObjectMapper JSON = EventJson.newMapper();
    static final String PLATFORM_SOURCE = "urn:footwork:test:platform";

    private static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();

    private final String clinic;
    private final String prefix;
    private final int completionsPerPatient;
    private final Supplier<ServiceProcess> assessment;
    private final Supplier<ServiceProcess> exercise;
    private final ScheduledExecutorService scheduler;
    private final KafkaProducer<String, byte[]> platform;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger patientNumbers = new AtomicInteger();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong kafkaFailures = new AtomicLong();
    private final List<RestPatient> restPatients = new CopyOnWriteArrayList<>();
    private final List<KafkaMeasurement> measurements = new CopyOnWriteArrayList<>();
    private final List<KafkaCompletion> kafkaCompletions = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<RestPatient> withPlans = new ConcurrentLinkedQueue<>();
    private final String token;

    private SteadyLoad(
            FaultSystem system,
            String clinic,
            String prefix,
            int workers,
            int completionsPerPatient,
            Duration tick,
            boolean viaKafka) {
        this.clinic = clinic;
        this.prefix = prefix;
        this.completionsPerPatient = completionsPerPatient;
        this.assessment = () -> system.service(FaultSystem.ASSESSMENT);
        this.exercise = () -> system.service(FaultSystem.EXERCISE);
        this.token = DevTokens.bearer("clinician", clinic);
        this.scheduler = Executors.newScheduledThreadPool(workers + 1);
        this.platform = viaKafka ? platformProducer(system.bootstrapServers()) : null;
        for (int i = 0; i < workers; i++) {
            Worker worker = new Worker();
            scheduler.scheduleWithFixedDelay(
                    worker::step, i * 37L, tick.toMillis(), TimeUnit.MILLISECONDS);
        }
        if (viaKafka) {
            scheduler.scheduleWithFixedDelay(
                    this::publishForPlatform, 50, tick.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Starts the load: {@code workers} REST clients and, if {@code viaKafka}, the platform. */
    static SteadyLoad start(
            FaultSystem system,
            String clinic,
            String prefix,
            int workers,
            int completionsPerPatient,
            boolean viaKafka) {
        return new SteadyLoad(
                system,
                clinic,
                prefix,
                workers,
                completionsPerPatient,
                Duration.ofMillis(150),
                viaKafka);
    }

    /**
     * Stops starting new patients and records; the patients under way finish their completions.
     * Returns once every request has been answered and every record acknowledged, or fails after
     * {@code timeout}.
     */
    void finish(Duration timeout) {
        running.set(false);
        long started = System.nanoTime();
        await("every request of the load answered")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(250))
                .until(this::allDone);
        if (platform != null) {
            platform.flush();
        }
        await("every platform record acknowledged")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> unacknowledgedRecords() == 0);
        LOG.infof(
                "Load %s finished in %d ms after stop: %d REST patients, %d measurements, %d"
                        + " Kafka completions, %d retried requests",
                prefix,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                restPatients.size(),
                measurements.size(),
                kafkaCompletions.size(),
                retries.get());
    }

    private boolean allDone() {
        return restPatients.stream().allMatch(RestPatient::done);
    }

    private long unacknowledgedRecords() {
        return measurements.stream().filter(m -> !m.acknowledged).count()
                + kafkaCompletions.stream().filter(c -> !c.acknowledged).count()
                - kafkaFailures.get();
    }

    String clinic() {
        return clinic;
    }

    String prefix() {
        return prefix;
    }

    /** Operations issued: assessments, measurements, and completions over REST and Kafka. */
    long sent() {
        return restPatients.stream().mapToLong(p -> 1 + p.completionsStarted()).sum()
                + measurements.size()
                + kafkaCompletions.size();
    }

    long acknowledged() {
        return restPatients.stream()
                        .mapToLong(
                                p ->
                                        (p.assessmentId != null ? 1 : 0)
                                                + p.completions.stream()
                                                        .filter(c -> c.acknowledged)
                                                        .count())
                        .sum()
                + measurements.stream().filter(m -> m.acknowledged).count()
                + kafkaCompletions.stream().filter(c -> c.acknowledged).count();
    }

    /** What each service should hold per patient, from the acknowledged operations. */
    Expected expected() {
        Expected expected = new Expected();
        for (RestPatient patient : restPatients) {
            if (patient.assessmentId == null) {
                continue;
            }
            long rest = patient.completions.stream().filter(c -> c.acknowledged).count();
            expected.assessments.put(patient.ref, 1L);
            expected.plans.put(patient.ref, 1L);
            expected.exerciseCompletions.put(patient.ref, rest);
            expected.progressCompletions.merge(patient.ref, rest, Long::sum);
        }
        for (KafkaMeasurement m : measurements) {
            if (m.acknowledged) {
                expected.assessments.put(m.ref, 1L);
                expected.plans.put(m.ref, 1L);
                expected.progressCompletions.putIfAbsent(m.ref, 0L);
                expected.exerciseCompletions.putIfAbsent(m.ref, 0L);
            }
        }
        for (KafkaCompletion c : kafkaCompletions) {
            if (c.acknowledged) {
                expected.progressCompletions.merge(c.ref, 1L, Long::sum);
            }
        }
        return expected;
    }

    /** Per patient: assessments, plans (in exercise and in progress) and completions expected. */
    static final class Expected {
        final Map<String, Long> assessments = new java.util.TreeMap<>();
        final Map<String, Long> plans = new java.util.TreeMap<>();
        final Map<String, Long> exerciseCompletions = new java.util.TreeMap<>();
        final Map<String, Long> progressCompletions = new java.util.TreeMap<>();

        /** Operations: one per assessment and one per completion that progress should count. */
        long operations() {
            return assessments.size()
                    + progressCompletions.values().stream().mapToLong(n -> n).sum();
        }
    }

    @Override
    public void close() {
        running.set(false);
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (platform != null) {
            platform.close(Duration.ofSeconds(5));
        }
    }

    private void publishForPlatform() {
        try {
            if (!running.get()) {
                return;
            }
            if (ThreadLocalRandom.current().nextBoolean()) {
                publishMeasurement();
            } else {
                publishCompletion();
            }
        } catch (RuntimeException e) {
            LOG.warnf("Platform publish failed: %s", e.toString());
        }
    }

    private void publishMeasurement() {
        String ref = prefix + "k" + patientNumbers.incrementAndGet();
        KafkaMeasurement m = new KafkaMeasurement(ref, UUID.randomUUID().toString());
        measurements.add(m);
        MeasurementsSubmitted event =
                new MeasurementsSubmitted(
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
        platform.send(
                CloudEventRecords.record(
                        EventType.MEASUREMENTS_SUBMITTED, m.eventId, PLATFORM_SOURCE, event),
                (metadata, error) -> acknowledge(error, () -> m.acknowledged = true));
    }

    private void publishCompletion() {
        RestPatient patient = withPlans.peek();
        if (patient == null) {
            return;
        }
        // round robin over the patients that have a plan
        withPlans.add(withPlans.poll());
        KafkaCompletion c = new KafkaCompletion(patient.ref, UUID.randomUUID().toString());
        kafkaCompletions.add(c);
        ExerciseCompleted event =
                new ExerciseCompleted(
                        UUID.randomUUID(),
                        patient.planId,
                        1,
                        clinic,
                        patient.ref,
                        ExerciseId.BAND_INVERSION,
                        Side.LEFT,
                        2,
                        10,
                        2,
                        BandColour.YELLOW,
                        1,
                        Instant.now());
        platform.send(
                CloudEventRecords.record(
                        EventType.EXERCISE_COMPLETED, c.eventId, EventSources.EXERCISE, event),
                (metadata, error) -> acknowledge(error, () -> c.acknowledged = true));
    }

    private void acknowledge(Exception error, Runnable ack) {
        if (error == null) {
            ack.run();
        } else {
            kafkaFailures.incrementAndGet();
            LOG.warnf("Platform record not acknowledged: %s", error.toString());
        }
    }

    /** Long enough to outlast any outage of the fault tests: the platform keeps retrying. */
    private static KafkaProducer<String, byte[]> platformProducer(String bootstrapServers) {
        Map<String, Object> config =
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                        600_000,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        20_000,
                        ProducerConfig.MAX_BLOCK_MS_CONFIG,
                        600_000,
                        ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG,
                        1000,
                        ProducerConfig.CLIENT_ID_CONFIG,
                        "footwork-fault-platform");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * One REST client: takes a patient through assessment, plan and completions, one request per
     * tick, repeating a request (same key) until it is answered.
     */
    private final class Worker {
        private RestPatient current;

        void step() {
            try {
                if (current == null || current.done()) {
                    if (!running.get()) {
                        return;
                    }
                    current = new RestPatient(prefix + "r" + patientNumbers.incrementAndGet());
                    restPatients.add(current);
                }
                current.advance();
            } catch (RuntimeException e) {
                LOG.warnf("Load step failed: %s", e.toString());
            }
        }
    }

    private final class RestPatient {
        final String ref;
        final String assessmentKey = UUID.randomUUID().toString();
        final Instant assessedAt = Instant.now().minusSeconds(3600);
        volatile String assessmentId;
        volatile UUID planId;
        final List<RestCompletion> completions = new CopyOnWriteArrayList<>();

        RestPatient(String ref) {
            this.ref = ref;
        }

        boolean done() {
            return completions.size() == completionsPerPatient
                    && completions.stream().allMatch(c -> c.acknowledged);
        }

        long completionsStarted() {
            return completions.size();
        }

        void advance() {
            if (assessmentId == null) {
                assess();
            } else if (planId == null) {
                findPlan();
            } else {
                complete();
            }
        }

        private void assess() {
            String body =
                    """
                    {"patientRef":"%s","assessedAt":"%s","assessor":"clin-1",
                     "feet":[{"side":"LEFT","fpiTotal":8},{"side":"RIGHT","fpiItems":[-1,-1,0,-1,-1,-1]}]}\
                    """
                            .formatted(ref, assessedAt);
            HttpResponse<String> answer =
                    post(assessment.get(), "/api/v1/assessments", body, assessmentKey);
            if (answer == null) {
                return;
            }
            if (answer.statusCode() == 201 || answer.statusCode() == 200) {
                assessmentId = json(answer.body()).get("id").asText();
            } else {
                throw new IllegalStateException(
                        "assessment of "
                                + ref
                                + " refused: "
                                + answer.statusCode()
                                + " "
                                + answer.body());
            }
        }

        private void findPlan() {
            HttpResponse<String> answer =
                    get(exercise.get(), "/api/v1/patients/" + ref + "/plans/active");
            if (answer != null && answer.statusCode() == 200) {
                planId = UUID.fromString(json(answer.body()).get("id").asText());
                withPlans.add(this);
            }
        }

        private void complete() {
            RestCompletion next =
                    completions.stream().filter(c -> !c.acknowledged).findFirst().orElse(null);
            if (next == null) {
                if (completions.size() >= completionsPerPatient) {
                    return;
                }
                next = new RestCompletion();
                completions.add(next);
            }
            String body =
                    """
                    {"completionId":"%s","exerciseId":"band-inversion","side":"LEFT","sets":2,
                     "reps":12,"holdSeconds":3,"bandColour":"YELLOW","pain":1,"completedAt":"%s"}\
                    """
                            .formatted(next.completionId, next.completedAt);
            HttpResponse<String> answer =
                    post(
                            exercise.get(),
                            "/api/v1/plans/" + planId + "/completions",
                            body,
                            next.idempotencyKey);
            if (answer == null) {
                return;
            }
            if (answer.statusCode() == 201 || answer.statusCode() == 200) {
                next.acknowledged = true;
            } else {
                throw new IllegalStateException(
                        "completion of "
                                + ref
                                + " refused: "
                                + answer.statusCode()
                                + " "
                                + answer.body());
            }
        }
    }

    private static final class RestCompletion {
        final UUID completionId = UUID.randomUUID();
        final String idempotencyKey = UUID.randomUUID().toString();
        // after the plan began: a completion is created once its plan has been found
        final Instant completedAt = Instant.now();
        volatile boolean acknowledged;
    }

    private static final class KafkaMeasurement {
        final String ref;
        final String eventId;
        volatile boolean acknowledged;

        KafkaMeasurement(String ref, String eventId) {
            this.ref = ref;
            this.eventId = eventId;
        }
    }

    private static final class KafkaCompletion {
        final String ref;
        final String eventId;
        volatile boolean acknowledged;

        KafkaCompletion(String ref, String eventId) {
            this.ref = ref;
            this.eventId = eventId;
        }
    }

    /** The answer, or null when there was none (no connection, timeout) or a 5xx: try again. */
    private HttpResponse<String> post(
            ServiceProcess service, String path, String body, String idempotencyKey) {
        return send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", token)
                        .header("Idempotency-Key", idempotencyKey)
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());
    }

    private HttpResponse<String> get(ServiceProcess service, String path) {
        return send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                        .header("Authorization", token)
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() >= 500 || answer.statusCode() == 429) {
                retries.incrementAndGet();
                return null;
            }
            return answer;
        } catch (IOException e) {
            retries.incrementAndGet();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    /** All platform completion event ids, for tests that look for them on topics. */
    List<String> platformCompletionIds() {
        List<String> ids = new ArrayList<>();
        kafkaCompletions.forEach(c -> ids.add(c.eventId));
        return ids;
    }
}
