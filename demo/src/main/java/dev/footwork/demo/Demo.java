package dev.footwork.demo;

import dev.footwork.contracts.EventJson;
import dev.footwork.contracts.events.FootMeasurements;
import dev.footwork.contracts.vocabulary.Side;
import dev.footwork.demo.Answers.AssessedFoot;
import dev.footwork.demo.Answers.Assessment;
import dev.footwork.demo.Answers.Completion;
import dev.footwork.demo.Answers.FootPlan;
import dev.footwork.demo.Answers.Plan;
import dev.footwork.demo.Answers.Prescription;
import dev.footwork.demo.Answers.Problem;
import dev.footwork.demo.Answers.Progress;
import dev.footwork.demo.Answers.Worklist;
import dev.footwork.demo.Answers.WorklistItem;
import dev.footwork.demo.Requests.Change;
import dev.footwork.demo.Requests.NewAdjustment;
import dev.footwork.demo.Requests.NewAssessment;
import dev.footwork.demo.Requests.NewCompletion;
import java.lang.reflect.RecordComponent;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A walk through the running system with real requests: assess a runner's feet, wait for the
 * exercise plan the assessment leads to, log a completed session, adjust the plan, wait for the
 * progress it shows, and see invalid input refused. {@code deploy/local/footwork demo} runs it with
 * the settings of {@link Settings}.
 */
public final class Demo {
    private static final String CLINIC = "demo-clinic";

    /**
     * What the launcher passes in FOOTWORK_* variables: the services' addresses, the demo patient
     * and the bearer tokens it minted for the demo clinic.
     */
    record Settings(
            String assessment,
            String exercise,
            String progress,
            String patient,
            String clinicianToken,
            String patientToken) {

        static Settings fromEnvironment() {
            return new Settings(
                    required("FOOTWORK_ASSESSMENT_URL"),
                    required("FOOTWORK_EXERCISE_URL"),
                    required("FOOTWORK_PROGRESS_URL"),
                    required("FOOTWORK_DEMO_PATIENT"),
                    required("FOOTWORK_TOKEN_CLINICIAN"),
                    required("FOOTWORK_TOKEN_PATIENT"));
        }

        List<Service> services() {
            return List.of(
                    new Service("assessment-service", assessment),
                    new Service("exercise-service", exercise),
                    new Service("progress-service", progress));
        }

        private static String required(String variable) {
            String value = System.getenv(variable);
            if (value == null || value.isBlank()) {
                throw new IllegalStateException(
                        variable + " is not set; 'deploy/local/footwork demo' runs the demo");
            }
            return value.strip();
        }
    }

    record Service(String name, String url) {}

    private final Settings settings;
    private final JsonHttp clinician;

    /** The patient's own app: it logs sessions with the patient's token. */
    private final JsonHttp patientApp;

    private Demo(Settings settings) {
        this.settings = settings;
        this.clinician = JsonHttp.of(EventJson.newMapper(), settings.clinicianToken());
        this.patientApp = clinician.as(settings.patientToken());
    }

    public static void main(String[] args) throws InterruptedException {
        Demo demo;
        try {
            demo = new Demo(Settings.fromEnvironment());
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            if (!demo.run()) {
                System.exit(1);
            }
        } catch (DemoFailure e) {
            System.out.println("   !! " + e.getMessage().replace("\n", "\n      "));
            System.out.println("   The demo stopped here. Service logs: deploy/local/.state/logs/");
            System.exit(1);
        }
    }

    /** The seven steps; false when invalid input was not refused as it should be. */
    private boolean run() throws InterruptedException {
        System.out.printf("Footwork demo: clinic %s, patient %s%n", CLINIC, settings.patient());

        step(1, "A clinician assesses both feet");
        Assessment assessment = assess();

        step(2, "exercise-service turns the classification into a plan (via Kafka)");
        Plan plan = awaitPlanOf(assessment.id());

        step(3, "The patient logs a completed exercise session");
        Prescription first = firstPrescription(plan, Side.LEFT);
        logCompletion(plan, first);

        step(4, "A clinician adds repetitions to that exercise (a new plan revision)");
        addTwoRepetitions(plan, first);

        step(5, "progress-service counts the session (via Kafka) and ranks the clinic's patients");
        awaitProgressOf(plan.id());
        showWorklist();

        step(6, "Invalid measurements are refused");
        boolean refused = showRefusal();

        step(7, "Explore the APIs");
        showAddresses(assessment.id());
        return refused;
    }

    private Assessment assess() {
        NewAssessment body =
                new NewAssessment(
                        settings.patient(),
                        Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS),
                        "demo-clinician",
                        List.of(
                                foot(Side.LEFT, null, 8),
                                foot(Side.RIGHT, List.of(0, 1, 0, 1, 0, 0), null)));
        Assessment created =
                clinician.post(
                        settings.assessment() + "/api/v1/assessments", body, 201, Assessment.class);
        System.out.printf(
                "   assessment %s, rule set %s%n", created.id(), created.ruleSetVersion());
        for (AssessedFoot foot : created.feet()) {
            System.out.printf(
                    "   %-5s FPI-6 %-4s -> %s (posture %s, severity %s, alignment %s), confidence %s%n",
                    foot.side(),
                    foot.fpiTotal() == null ? "-" : "%+d".formatted(foot.fpiTotal()),
                    foot.level(),
                    foot.posture(),
                    foot.severity(),
                    foot.alignment(),
                    foot.confidence());
            foot.explanation().forEach(line -> System.out.println("         " + line));
        }
        return created;
    }

    /** Waits for the plan of this assessment: a demo patient of an earlier run has an older one. */
    private Plan awaitPlanOf(UUID assessmentId) throws InterruptedException {
        long started = System.nanoTime();
        Plan plan =
                clinician.poll(
                        "%s/api/v1/patients/%s/plans/active"
                                .formatted(settings.exercise(), settings.patient()),
                        Plan.class,
                        p -> assessmentId.equals(p.assessmentId()));
        System.out.printf(
                "   plan %s (after %s): revision %d, %s, starts %s, %d weeks%n",
                plan.id(),
                since(started),
                plan.revision(),
                plan.status(),
                plan.startsOn(),
                plan.weeks());
        for (FootPlan foot : plan.feet()) {
            System.out.printf(
                    "   %s foot (%s), on %s:%n",
                    foot.side(),
                    foot.level(),
                    foot.sessionDays().stream()
                            .map(DayOfWeek::toString)
                            .collect(Collectors.joining(", ")));
            foot.exercises().forEach(p -> System.out.println("     " + prescription(p)));
            foot.exercises().stream()
                    .filter(p -> p.bandColour() != null && !p.instructions().isEmpty())
                    .findFirst()
                    .ifPresent(p -> System.out.println("     e.g. " + p.instructions().get(0)));
        }
        if (!plan.phases().isEmpty()) {
            System.out.printf("   %d phases:%n", plan.phases().size());
            plan.phases().forEach(phase -> System.out.println("     " + components(phase)));
        }
        return plan;
    }

    private void logCompletion(Plan plan, Prescription first) {
        NewCompletion body =
                new NewCompletion(
                        first.exerciseId(),
                        Side.LEFT,
                        first.sets(),
                        first.reps(),
                        first.holdSeconds(),
                        first.bandColour(),
                        2,
                        Instant.now());
        String url = settings.exercise() + "/api/v1/plans/" + plan.id() + "/completions";
        Completion logged = patientApp.post(url, body, 201, Completion.class);
        System.out.printf(
                "   completion %s: %s, LEFT foot, %d x %d, hold %d s%s, pain %d%n",
                logged.id(),
                logged.exerciseId().id(),
                logged.sets(),
                logged.reps(),
                logged.holdSeconds(),
                logged.bandColour() == null ? "" : ", " + logged.bandColour() + " band",
                logged.pain());
    }

    private void addTwoRepetitions(Plan plan, Prescription first) {
        int reps = first.reps() + 2;
        NewAdjustment body =
                new NewAdjustment(
                        List.of(new Change("CHANGE_DOSAGE", Side.LEFT, first.exerciseId(), reps)));
        String url = settings.exercise() + "/api/v1/plans/" + plan.id() + "/adjustments";
        Plan revised = clinician.post(url, body, 200, Plan.class);
        System.out.printf(
                "   plan revision %d: %s now %d reps (a PlanRevised event follows)%n",
                revised.revision(), first.exerciseId().id(), reps);
    }

    /** Waits for this plan's progress: a demo patient of an earlier run has an older plan's. */
    private void awaitProgressOf(UUID planId) throws InterruptedException {
        long started = System.nanoTime();
        Progress summary =
                clinician.poll(
                        "%s/api/v1/patients/%s/progress"
                                .formatted(settings.progress(), settings.patient()),
                        Progress.class,
                        p -> planId.equals(p.planId()) && p.completedSessions() >= 1);
        System.out.printf("   after %s:%n", since(started));
        for (RecordComponent field : Progress.class.getRecordComponents()) {
            if (!field.getName().equals("planId")) {
                System.out.printf("     %-26s %s%n", field.getName(), text(value(summary, field)));
            }
        }
    }

    private void showWorklist() {
        Worklist page =
                clinician.get(settings.progress() + "/api/v1/worklist?size=3", 200, Worklist.class);
        System.out.printf(
                "   clinic worklist (%d patient(s), highest risk first):%n", page.totalItems());
        for (WorklistItem line : page.items()) {
            System.out.printf(
                    "     %-16s risk %-3d flags %-24s adherence 7 days %s%n",
                    line.patientRef(),
                    line.riskScore(),
                    text(line.flags()),
                    text(line.adherenceLast7DaysPercent()));
        }
    }

    /** Sends an FPI-6 item out of range; false when it is not refused with 400. */
    private boolean showRefusal() {
        NewAssessment body =
                new NewAssessment(
                        settings.patient(),
                        Instant.now().truncatedTo(ChronoUnit.SECONDS),
                        null,
                        List.of(foot(Side.LEFT, List.of(0, 1, 5, 0, 0, 0), null)));
        System.out.println("   an FPI-6 item of 5 (items are -2..+2):");
        JsonHttp.Answer answer =
                clinician.post(settings.assessment() + "/api/v1/assessments", body);
        System.out.printf("   -> HTTP %d %s%n", answer.status(), answer.contentType());
        if (answer.status() != 400) {
            System.out.println("   !! expected 400; the body was: " + answer.body());
            return false;
        }
        clinician
                .readIfAble(answer, Problem.class)
                .ifPresentOrElse(
                        problem -> {
                            System.out.println("   title:  " + problem.title());
                            System.out.println("   detail: " + problem.detail());
                            problem.violations()
                                    .forEach(
                                            v -> System.out.println("           " + components(v)));
                        },
                        () -> System.out.println("   " + answer.body()));
        return true;
    }

    private void showAddresses(UUID assessmentId) {
        for (Service service : settings.services()) {
            System.out.printf(
                    "   %-19s Swagger UI %s/q/swagger-ui%n", service.name(), service.url());
            System.out.printf("   %-19s health     %s/q/health%n", "", service.url());
            System.out.printf("   %-19s OpenAPI    %s/q/openapi%n", "", service.url());
        }
        System.out.printf(
                "   Clinician dashboard (charts update live as sessions are logged):%n"
                        + "     %s/dashboard/#token=%s&patient=%s%n",
                settings.progress(), settings.clinicianToken(), settings.patient());
        System.out.printf(
                "   Try: curl -H \"Authorization: Bearer $CLINICIAN\" %s/api/v1/assessments/%s%n"
                        + "        (tokens below: 'deploy/local/footwork tokens')%n",
                settings.assessment(), assessmentId);
    }

    private Prescription firstPrescription(Plan plan, Side side) {
        return plan.feet().stream()
                .filter(foot -> foot.side() == side && !foot.exercises().isEmpty())
                .map(foot -> foot.exercises().get(0))
                .findFirst()
                .orElseThrow(
                        () ->
                                new DemoFailure(
                                        "the plan prescribes nothing for the %s foot:%n%s"
                                                .formatted(side, clinician.write(plan))));
    }

    private static FootMeasurements foot(Side side, List<Integer> fpiItems, Integer fpiTotal) {
        return new FootMeasurements(side, fpiItems, fpiTotal, null, null, null, null);
    }

    private static String prescription(Prescription p) {
        StringBuilder line =
                new StringBuilder(
                        "%-24s %-11s %d x %d"
                                .formatted(p.exerciseId().id(), p.role(), p.sets(), p.reps()));
        if (p.holdSeconds() > 0) {
            line.append(", hold ").append(p.holdSeconds()).append(" s");
        }
        if (p.bandColour() != null) {
            line.append(", ").append(p.bandColour()).append(" band");
        }
        line.append(", ").append(p.sessionsPerWeek()).append(" sessions a week");
        return line.toString();
    }

    private static void step(int number, String title) {
        System.out.printf("%n%d. %s%n", number, title);
    }

    /** A record's components as {@code name=value, ...}, in the order the record declares them. */
    private String components(Record record) {
        StringJoiner joined = new StringJoiner(", ");
        for (RecordComponent field : record.getClass().getRecordComponents()) {
            joined.add(field.getName() + "=" + text(value(record, field)));
        }
        return joined.toString();
    }

    /** How the demo shows a value: "-" for none, a list as JSON. */
    private String text(Object value) {
        return value == null
                ? "-"
                : value instanceof List<?> list ? clinician.write(list) : String.valueOf(value);
    }

    private static Object value(Record record, RecordComponent field) {
        try {
            return field.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }

    static String since(long nanos) {
        return String.format("%.1f s", (System.nanoTime() - nanos) / 1e9);
    }
}
