import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A walk through the running system with real requests: assess a runner's feet, wait for the
 * exercise plan the assessment leads to, log a completed session, wait for the progress it shows,
 * and see invalid input refused. Run with {@code java deploy/local/Demo.java} (JDK only); the
 * service addresses come from FOOTWORK_ASSESSMENT_URL, FOOTWORK_EXERCISE_URL and
 * FOOTWORK_PROGRESS_URL, by default http://localhost:8081, 8082 and 8083.
 */
public class Demo {
    private static final String CLINIC = "demo-clinic";
    private static final Duration EVENTUAL = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(250);

    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
    private final String assessment = base("FOOTWORK_ASSESSMENT_URL", "http://localhost:8081");
    private final String exercise = base("FOOTWORK_EXERCISE_URL", "http://localhost:8082");
    private final String progress = base("FOOTWORK_PROGRESS_URL", "http://localhost:8083");
    private final String patient =
            env("FOOTWORK_DEMO_PATIENT", "runner-" + HexFormat.of().toHexDigits(random24(), 6));
    /** Bearer tokens minted by the launcher for the demo clinic (deploy/local/.state/jwt). */
    private final String clinicianToken = env("FOOTWORK_TOKEN_CLINICIAN", "");
    private final String patientToken = env("FOOTWORK_TOKEN_PATIENT", "");
    private boolean refusalShown = true;

    public static void main(String[] args) throws InterruptedException {
        Demo demo = new Demo();
        try {
            demo.run();
        } catch (Failure e) {
            System.out.println("   !! " + e.getMessage().replace("\n", "\n      "));
            System.out.println("   The demo stopped here. Service logs: deploy/local/.state/logs/");
            System.exit(1);
        }
        if (!demo.refusalShown) {
            System.exit(1);
        }
    }

    private void run() throws InterruptedException {
        System.out.printf("Footwork demo: clinic %s, patient %s%n", CLINIC, patient);

        step(1, "A clinician assesses both feet");
        Map<String, Object> assessed = assess();

        step(2, "exercise-service turns the classification into a plan (via Kafka)");
        Map<String, Object> plan = awaitPlan(text(assessed.get("id")));

        step(3, "The patient logs a completed exercise session");
        logCompletion(plan);

        step(4, "A clinician adds repetitions to that exercise (a new plan revision)");
        adjustPlan(plan);

        step(5, "progress-service counts the session (via Kafka) and ranks the clinic's patients");
        awaitProgress();

        step(6, "Invalid measurements are refused");
        showRefusal();

        step(7, "Explore the APIs");
        for (String[] service :
                List.of(
                        new String[] {"assessment-service", assessment},
                        new String[] {"exercise-service", exercise},
                        new String[] {"progress-service", progress})) {
            System.out.printf("   %-19s Swagger UI %s/q/swagger-ui%n", service[0], service[1]);
            System.out.printf("   %-19s health     %s/q/health%n", "", service[1]);
            System.out.printf("   %-19s OpenAPI    %s/q/openapi%n", "", service[1]);
        }
        System.out.printf(
                "   Clinician dashboard (charts update live as sessions are logged):%n"
                        + "     %s/dashboard/#token=%s&patient=%s%n",
                progress, clinicianToken, patient);
        System.out.printf(
                "   Try: curl -H \"Authorization: Bearer $CLINICIAN\" %s/api/v1/assessments/%s%n"
                        + "        (tokens below: 'deploy/local/footwork tokens')%n",
                assessment, text(assessed.get("id")));
    }

    private Map<String, Object> assess() {
        Map<String, Object> body =
                object(
                        "patientRef",
                        patient,
                        "assessedAt",
                        Instant.now()
                                .minus(1, ChronoUnit.HOURS)
                                .truncatedTo(ChronoUnit.SECONDS)
                                .toString(),
                        "assessor",
                        "demo-clinician",
                        "feet",
                        List.of(
                                object("side", "LEFT", "fpiTotal", 8),
                                object("side", "RIGHT", "fpiItems", List.of(0, 1, 0, 1, 0, 0))));
        Map<String, Object> created =
                asObject(expect(post(assessment + "/api/v1/assessments", body), 201));
        System.out.printf(
                "   assessment %s, rule set %s%n",
                text(created.get("id")), text(created.get("ruleSetVersion")));
        for (Object f : list(created.get("feet"))) {
            Map<String, Object> foot = asObject(f);
            System.out.printf(
                    "   %-5s FPI-6 %-4s -> %s (posture %s, severity %s, alignment %s), confidence %s%n",
                    text(foot.get("side")),
                    signed(foot.get("fpiTotal")),
                    text(foot.get("level")),
                    text(foot.get("posture")),
                    text(foot.get("severity")),
                    text(foot.get("alignment")),
                    text(foot.get("confidence")));
            for (Object line : list(foot.get("explanation"))) {
                System.out.println("         " + text(line));
            }
        }
        return created;
    }

    /** Waits for the plan of this assessment: a demo patient of an earlier run has an older one. */
    private Map<String, Object> awaitPlan(String assessmentId) throws InterruptedException {
        String url = exercise + "/api/v1/patients/" + patient + "/plans/active";
        long started = System.nanoTime();
        Response answer =
                poll(
                        url,
                        r ->
                                r.status == 200
                                        && r.json() instanceof Map<?, ?> m
                                        && assessmentId.equals(String.valueOf(m.get("assessmentId"))));
        Map<String, Object> plan = asObject(answer.json());
        System.out.printf(
                "   plan %s (after %s): revision %s, %s, starts %s, %s weeks%n",
                text(plan.get("id")),
                since(started),
                text(plan.get("revision")),
                text(plan.get("status")),
                text(plan.get("startsOn")),
                text(plan.get("weeks")));
        for (Object f : list(plan.get("feet"))) {
            Map<String, Object> foot = asObject(f);
            System.out.printf(
                    "   %s foot (%s), on %s:%n",
                    text(foot.get("side")),
                    text(foot.get("level")),
                    String.join(", ", list(foot.get("sessionDays")).stream().map(Demo::text).toList()));
            String bandSetUp = null;
            for (Object p : list(foot.get("exercises"))) {
                Map<String, Object> exercise = asObject(p);
                System.out.println("     " + prescription(exercise));
                if (bandSetUp == null && exercise.get("bandColour") != null) {
                    bandSetUp = text(list(exercise.get("instructions")).get(0));
                }
            }
            if (bandSetUp != null) {
                System.out.println("     e.g. " + bandSetUp);
            }
        }
        List<Object> phases = list(plan.get("phases"));
        if (!phases.isEmpty()) {
            System.out.printf("   %d phases:%n", phases.size());
            for (Object phase : phases) {
                System.out.println("     " + scalars(phase));
            }
        }
        return plan;
    }

    private void logCompletion(Map<String, Object> plan) {
        Map<String, Object> first = firstPrescription(plan, "LEFT");
        Map<String, Object> body =
                object(
                        "exerciseId", first.get("exerciseId"),
                        "side", "LEFT",
                        "sets", first.get("sets"),
                        "reps", first.get("reps"),
                        "holdSeconds", first.get("holdSeconds"));
        if (first.get("bandColour") != null) {
            body.put("bandColour", first.get("bandColour"));
        }
        body.put("pain", 2);
        body.put("completedAt", Instant.now().toString());
        String url = exercise + "/api/v1/plans/" + text(plan.get("id")) + "/completions";
        // the patient's own app logs it, with the patient's token
        Map<String, Object> logged = asObject(expect(post(url, body, patientToken), 201));
        System.out.printf(
                "   completion %s: %s, LEFT foot, %s x %s, hold %s s%s, pain %s%n",
                text(logged.get("id")),
                text(logged.get("exerciseId")),
                text(logged.get("sets")),
                text(logged.get("reps")),
                text(logged.get("holdSeconds")),
                logged.get("bandColour") == null
                        ? ""
                        : ", " + text(logged.get("bandColour")) + " band",
                text(logged.get("pain")));
    }

    private void adjustPlan(Map<String, Object> plan) {
        Map<String, Object> first = firstPrescription(plan, "LEFT");
        int reps = ((Number) first.get("reps")).intValue() + 2;
        Map<String, Object> change =
                object(
                        "action", "CHANGE_DOSAGE",
                        "side", "LEFT",
                        "exerciseId", first.get("exerciseId"),
                        "reps", reps);
        String url = exercise + "/api/v1/plans/" + text(plan.get("id")) + "/adjustments";
        Map<String, Object> revised =
                asObject(expect(post(url, object("changes", List.of(change))), 200));
        System.out.printf(
                "   plan revision %s: %s now %s reps (a PlanRevised event follows)%n",
                text(revised.get("revision")), text(first.get("exerciseId")), reps);
    }

    private void awaitProgress() throws InterruptedException {
        String url = progress + "/api/v1/patients/" + patient + "/progress";
        long started = System.nanoTime();
        Response answer =
                poll(
                        url,
                        r ->
                                r.status == 200
                                        && r.json() instanceof Map<?, ?> m
                                        && m.get("completedSessions") instanceof Number n
                                        && n.longValue() >= 1);
        System.out.printf("   after %s:%n", since(started));
        Map<String, Object> summary = asObject(answer.json());
        for (String field :
                List.of(
                        "planStatus",
                        "currentWeek",
                        "phaseName",
                        "completedSessions",
                        "prescribedSessionsToDate",
                        "adherencePercent",
                        "adherenceLast7DaysPercent",
                        "totalReps",
                        "volume",
                        "meanPain",
                        "maxPain",
                        "painTrend",
                        "flags",
                        "riskScore",
                        "lastActivityAt")) {
            System.out.printf("     %-26s %s%n", field, text(summary.get(field)));
        }
        Map<String, Object> page =
                asObject(expect(get(progress + "/api/v1/worklist?size=3"), 200));
        System.out.printf(
                "   clinic worklist (%s patient(s), highest risk first):%n",
                text(page.get("totalItems")));
        for (Object item : (List<?>) page.get("items")) {
            Map<?, ?> line = (Map<?, ?>) item;
            System.out.printf(
                    "     %-16s risk %-3s flags %-24s adherence 7 days %s%n",
                    text(line.get("patientRef")),
                    text(line.get("riskScore")),
                    text(line.get("flags")),
                    text(line.get("adherenceLast7DaysPercent")));
        }
    }

    private void showRefusal() {
        Map<String, Object> body =
                object(
                        "patientRef", patient,
                        "assessedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                        "feet",
                                List.of(
                                        object(
                                                "side",
                                                "LEFT",
                                                "fpiItems",
                                                List.of(0, 1, 5, 0, 0, 0))));
        System.out.println("   an FPI-6 item of 5 (items are -2..+2):");
        Response answer = post(assessment + "/api/v1/assessments", body);
        System.out.printf("   -> HTTP %d %s%n", answer.status, answer.contentType());
        if (answer.status != 400) {
            refusalShown = false;
            System.out.println("   !! expected 400; the body was: " + answer.body);
            return;
        }
        Object json = answer.jsonOrNull();
        if (!(json instanceof Map<?, ?> problem)) {
            System.out.println("   " + answer.body);
            return;
        }
        System.out.println("   title:  " + text(problem.get("title")));
        System.out.println("   detail: " + text(problem.get("detail")));
        for (Object v : list(problem.get("violations"))) {
            System.out.println("           " + scalars(v));
        }
    }

    // --- HTTP

    private record Response(
            String method, String url, int status, String body, HttpResponse<String> raw) {
        Object json() {
            try {
                return Json.parse(body);
            } catch (IllegalArgumentException e) {
                throw new Failure(
                        method
                                + " "
                                + url
                                + " answered "
                                + status
                                + " with a body that is not JSON ("
                                + e.getMessage()
                                + "):\n"
                                + body);
            }
        }

        Object jsonOrNull() {
            try {
                return Json.parse(body);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }
    }

    private Response post(String url, Map<String, Object> body) {
        return post(url, body, clinicianToken);
    }

    private Response post(String url, Map<String, Object> body, String token) {
        String json = Json.write(body);
        return send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                json);
    }

    private Response get(String url) {
        return send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + clinicianToken)
                        .GET()
                        .build(),
                null);
    }

    private Response send(HttpRequest plain, String body) {
        HttpRequest request =
                HttpRequest.newBuilder(plain, (name, value) -> true)
                        .header("Accept", "application/json")
                        .timeout(Duration.ofSeconds(10))
                        .build();
        long started = System.nanoTime();
        try {
            HttpResponse<String> raw = http.send(request, HttpResponse.BodyHandlers.ofString());
            Response response =
                    new Response(
                            request.method(),
                            request.uri().toString(),
                            raw.statusCode(),
                            raw.body(),
                            raw);
            if (!request.method().equals("GET")) {
                System.out.printf(
                        "   %s %s -> %d (%s)%n",
                        request.method(), request.uri(), raw.statusCode(), since(started));
                if (body != null) {
                    System.out.println("     sent " + body);
                }
            }
            return response;
        } catch (ConnectException e) {
            throw new Failure(
                    "cannot reach "
                            + request.uri()
                            + " (is it running? deploy/local/footwork status)");
        } catch (IOException e) {
            throw new Failure(request.method() + " " + request.uri() + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        }
    }

    private static Object expect(Response response, int status) {
        if (response.status != status) {
            throw new Failure(
                    "expected HTTP "
                            + status
                            + " from "
                            + response.method
                            + " "
                            + response.url
                            + ", got "
                            + response.status
                            + ":\n"
                            + (response.body.isBlank() ? "(empty body)" : response.body));
        }
        return response.json();
    }

    private interface Done {
        boolean test(Response response);
    }

    /** GETs the URL until {@code done} holds; 404 and 200 are "not yet", anything else fails. */
    private Response poll(String url, Done done) throws InterruptedException {
        System.out.println(
                "   GET " + url + " until it is there (up to " + EVENTUAL.toSeconds() + " s)");
        long deadline = System.nanoTime() + EVENTUAL.toNanos();
        Response last;
        while (true) {
            last = get(url);
            if (done.test(last)) {
                return last;
            }
            if (last.status != 404 && last.status != 200) {
                throw new Failure("GET " + url + " answered " + last.status + ":\n" + last.body);
            }
            if (System.nanoTime() > deadline) {
                throw new Failure(
                        "not there after "
                                + EVENTUAL.toSeconds()
                                + " s; the last answer was "
                                + last.status
                                + ":\n"
                                + last.body);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    // --- output

    private static void step(int number, String title) {
        System.out.printf("%n%d. %s%n", number, title);
    }

    private static String prescription(Map<String, Object> p) {
        StringBuilder line =
                new StringBuilder(
                        String.format(
                                "%-24s %-11s %s x %s",
                                text(p.get("exerciseId")),
                                text(p.get("role")),
                                text(p.get("sets")),
                                text(p.get("reps"))));
        if (p.get("holdSeconds") instanceof Number hold && hold.intValue() > 0) {
            line.append(", hold ").append(hold).append(" s");
        }
        if (p.get("bandColour") != null) {
            line.append(", ").append(text(p.get("bandColour"))).append(" band");
        }
        if (p.get("sessionsPerWeek") != null) {
            line.append(", ").append(text(p.get("sessionsPerWeek"))).append(" sessions a week");
        }
        return line.toString();
    }

    private static Map<String, Object> firstPrescription(Map<String, Object> plan, String side) {
        for (Object f : list(plan.get("feet"))) {
            Map<String, Object> foot = asObject(f);
            List<Object> prescriptions = list(foot.get("exercises"));
            if (side.equals(foot.get("side")) && !prescriptions.isEmpty()) {
                return asObject(prescriptions.get(0));
            }
        }
        throw new Failure(
                "the plan prescribes nothing for the " + side + " foot:\n" + Json.write(plan));
    }

    /** The scalar members of an object as {@code key=value, ...}; nested values are left out. */
    private static String scalars(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return text(value);
        }
        StringJoiner joined = new StringJoiner(", ");
        map.forEach(
                (k, v) -> {
                    if (!(v instanceof Map) && !(v instanceof List)) {
                        joined.add(k + "=" + text(v));
                    }
                });
        return joined.toString();
    }

    private static String text(Object value) {
        return value == null
                ? "-"
                : value instanceof List<?> l ? Json.write(l) : String.valueOf(value);
    }

    private static String signed(Object value) {
        return value instanceof Number n ? String.format("%+d", n.longValue()) : text(value);
    }

    private static String since(long nanos) {
        return String.format("%.1f s", (System.nanoTime() - nanos) / 1e9);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object value) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new Failure("expected a JSON object, got " + text(value));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String base(String variable, String fallback) {
        return env(variable, fallback).replaceAll("/+$", "");
    }

    private static String env(String variable, String fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static int random24() {
        return ThreadLocalRandom.current().nextInt(1 << 24);
    }

    private static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    /** Just enough JSON for the demo: objects keep their order, numbers are Long or Double. */
    static final class Json {
        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        static Object parse(String text) {
            Json json = new Json(text);
            json.space();
            Object value = json.value();
            json.space();
            if (json.at != text.length()) {
                throw json.error("unexpected " + text.charAt(json.at));
            }
            return value;
        }

        static String write(Object value) {
            StringBuilder out = new StringBuilder();
            write(value, out);
            return out.toString();
        }

        private static void write(Object value, StringBuilder out) {
            if (value instanceof Map<?, ?> map) {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    writeString(String.valueOf(e.getKey()), out);
                    out.append(':');
                    write(e.getValue(), out);
                }
                out.append('}');
            } else if (value instanceof List<?> list) {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(list.get(i), out);
                }
                out.append(']');
            } else if (value instanceof String s) {
                writeString(s, out);
            } else {
                out.append(value); // numbers, booleans, null
            }
        }

        private static void writeString(String s, StringBuilder out) {
            out.append('"');
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }

        private Object value() {
            if (at >= text.length()) {
                throw error("unexpected end");
            }
            return switch (text.charAt(at)) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            at++;
            space();
            if (take('}')) {
                return map;
            }
            do {
                space();
                String key = string();
                space();
                require(':');
                space();
                map.put(key, value());
                space();
            } while (take(','));
            require('}');
            return map;
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            at++;
            space();
            if (take(']')) {
                return list;
            }
            do {
                space();
                list.add(value());
                space();
            } while (take(','));
            require(']');
            return list;
        }

        private String string() {
            require('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                if (at >= text.length()) {
                    throw error("unterminated string");
                }
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (at >= text.length()) {
                    throw error("unterminated string");
                }
                char e = text.charAt(at++);
                switch (e) {
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (at + 4 > text.length()) {
                            throw error("bad \\u escape");
                        }
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> out.append(e);
                }
            }
        }

        private Object number() {
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            String number = text.substring(start, at);
            try {
                return number.matches("-?\\d+")
                        ? (Object) Long.valueOf(number)
                        : (Object) Double.valueOf(number);
            } catch (NumberFormatException e) {
                at = start;
                throw error(
                        number.isEmpty()
                                ? "unexpected " + text.charAt(at)
                                : "bad number " + number);
            }
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, at)) {
                throw error("unexpected " + text.charAt(at));
            }
            at += word.length();
            return value;
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private boolean take(char c) {
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        private void require(char c) {
            if (!take(c)) {
                throw error("expected " + c);
            }
        }

        private IllegalArgumentException error(String message) {
            return new IllegalArgumentException(message + " at offset " + at);
        }
    }
}
