package dev.footwork.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Checks every endpoint a service exposes against its access rules, with every kind of caller: no
 * token, an expired one, one from another issuer, one with a forged signature, each role the
 * endpoint does not allow, an allowed role from another clinic, a patient asking about another
 * patient, and finally the rightful caller. The endpoints come from the service's own OpenAPI
 * document, so an endpoint that has no rule here fails the check.
 */
public final class AccessMatrix {

    /** The roles a Footwork token can carry. */
    public static final List<String> ROLES =
            List.of("clinician", "patient", "integration", "admin");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final String clinic;
    private final String otherClinic;
    private final String patient;
    private final Map<String, Rule> rules = new LinkedHashMap<>();

    /**
     * @param base the service's root URL
     * @param clinic the clinic whose data the requests reach
     * @param patient the patient whose data the requests reach
     */
    public AccessMatrix(URI base, String clinic, String otherClinic, String patient) {
        this.base = base;
        this.clinic = clinic;
        this.otherClinic = otherClinic;
        this.patient = patient;
    }

    /** What a caller from another clinic gets. */
    public enum OtherClinic {
        /** 404: the resource is named by id or patient and belongs to the first clinic. */
        NOT_FOUND,
        /** 2xx with nothing of the first clinic in it, e.g. an empty list. */
        SEES_NOTHING,
        /**
         * 2xx: the endpoint holds no clinic data (a catalogue) or acts in the caller's own clinic.
         */
        OWN_CLINIC
    }

    /** A request: the concrete path and, for writes, a JSON body made fresh for each call. */
    public record Request(String path, Supplier<String> body) {
        public static Request get(String path) {
            return new Request(path, null);
        }
    }

    /**
     * The rule for one endpoint.
     *
     * @param roles roles allowed to call it
     * @param patientScoped whether a patient token reaches only its own patient here
     * @param otherClinic what an allowed role of another clinic gets
     * @param ok the status the rightful caller gets
     * @param seesNothing for {@link OtherClinic#SEES_NOTHING}: true when a body shows none of the
     *     first clinic's data
     */
    public record Rule(
            Set<String> roles,
            boolean patientScoped,
            OtherClinic otherClinic,
            int ok,
            Supplier<Request> request,
            Predicate<String> seesNothing) {}

    /**
     * The rule of the audit endpoint every service shares: admins only; another clinic's admin sees
     * no successful access to the patient (only its own staff's refused attempts).
     */
    public static Rule auditTrailRule(String patient) {
        return new Rule(
                Set.of("admin"),
                false,
                OtherClinic.SEES_NOTHING,
                200,
                () -> Request.get("/api/v1/audit?size=200&patientRef=" + patient),
                body -> !body.matches("(?s).*\"status\":2\\d\\d.*"));
    }

    /** Adds the rule for {@code METHOD /path/{template}} as OpenAPI names it. */
    public AccessMatrix rule(String method, String pathTemplate, Rule rule) {
        rules.put(method.toUpperCase() + " " + pathTemplate, rule);
        return this;
    }

    /**
     * Runs every cell and returns the failures, one line each; empty when all cells hold. Also
     * fails when the OpenAPI document and the rules name different endpoints.
     */
    public List<String> check() throws IOException, InterruptedException {
        List<String> failures = new ArrayList<>();
        Set<String> exposed = exposedOperations();
        Set<String> ruled = new TreeSet<>(rules.keySet());
        for (String op : exposed) {
            if (!ruled.contains(op)) {
                failures.add(op + ": exposed but has no access rule");
            }
        }
        for (String op : ruled) {
            if (!exposed.contains(op)) {
                failures.add(op + ": has a rule but is not exposed");
            }
        }
        DevTokens keys = DevTokens.shared();
        for (Map.Entry<String, Rule> entry : rules.entrySet()) {
            String op = entry.getKey();
            String method = op.substring(0, op.indexOf(' '));
            Rule rule = entry.getValue();
            String role = rule.roles().iterator().next();
            String staffRole =
                    rule.roles().stream()
                            .filter(r -> !r.equals("patient"))
                            .findFirst()
                            .orElse(role);

            expect(failures, op, "no token", method, rule, null, 401);
            expect(
                    failures,
                    op,
                    "expired",
                    method,
                    rule,
                    token(keys, staffRole, clinic)
                            .valid(Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1))
                            .sign(),
                    401);
            expect(
                    failures,
                    op,
                    "wrong issuer",
                    method,
                    rule,
                    token(keys, staffRole, clinic).issuer("https://idp.elsewhere.example").sign(),
                    401);
            expect(
                    failures,
                    op,
                    "wrong audience",
                    method,
                    rule,
                    token(keys, staffRole, clinic).audience("someone-else").sign(),
                    401);
            expect(
                    failures,
                    op,
                    "bad signature",
                    method,
                    rule,
                    token(keys, staffRole, clinic).signedByAStranger().sign(),
                    401);
            for (String other : ROLES) {
                if (!rule.roles().contains(other)) {
                    expect(
                            failures,
                            op,
                            "wrong role " + other,
                            method,
                            rule,
                            token(keys, other, clinic).sign(),
                            403);
                }
            }
            String outsider = token(keys, staffRole, otherClinic).sign();
            switch (rule.otherClinic()) {
                case NOT_FOUND -> expect(failures, op, "other clinic", method, rule, outsider, 404);
                case SEES_NOTHING -> {
                    Answer answer = call(method, rule, outsider);
                    if (answer.statusCode() / 100 != 2 || !rule.seesNothing().test(answer.body())) {
                        failures.add(
                                op
                                        + " [other clinic]: expected 2xx without the clinic's data, got "
                                        + answer.statusCode()
                                        + " "
                                        + abbreviate(answer.body()));
                    }
                }
                case OWN_CLINIC -> {}
            }
            if (rule.roles().contains("patient") && rule.patientScoped()) {
                expect(
                        failures,
                        op,
                        "other patient",
                        method,
                        rule,
                        token(keys, "patient", clinic).patient("someone-else").sign(),
                        404);
            }
            for (String allowed : rule.roles()) {
                expect(
                        failures,
                        op,
                        "rightful " + allowed,
                        method,
                        rule,
                        token(keys, allowed, clinic).sign(),
                        rule.ok());
            }
        }
        return failures;
    }

    private DevTokens.Token token(DevTokens keys, String role, String clinicId) {
        DevTokens.Token token = keys.token(role, clinicId).client("access-matrix");
        return role.equals("patient") ? token.patient(patient) : token;
    }

    private void expect(
            List<String> failures,
            String op,
            String cell,
            String method,
            Rule rule,
            String token,
            int status)
            throws IOException, InterruptedException {
        Answer answer = call(method, rule, token);
        boolean problem =
                answer.statusCode() < 400
                        || answer.contentType().startsWith("application/problem+json");
        if (answer.statusCode() != status || !problem) {
            failures.add(
                    op
                            + " ["
                            + cell
                            + "]: expected "
                            + status
                            + ", got "
                            + answer.statusCode()
                            + (problem ? "" : " without application/problem+json")
                            + " "
                            + abbreviate(answer.body()));
        }
    }

    /** What an endpoint answered; of an event stream, only the first event is read. */
    private record Answer(int statusCode, String contentType, String body) {}

    private Answer call(String method, Rule rule, String token)
            throws IOException, InterruptedException {
        Request request = rule.request().get();
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(base.resolve(request.path()))
                        .timeout(Duration.ofSeconds(20));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (request.body() != null) {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(request.body().get()));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<InputStream> response =
                HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        try (InputStream in = response.body()) {
            String body =
                    contentType.startsWith("text/event-stream")
                            ? firstEvent(in)
                            : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Answer(response.statusCode(), contentType, body);
        }
    }

    /** Reads a server-sent event stream up to the end of its first event. */
    private static String firstEvent(InputStream in) throws IOException {
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        StringBuilder event = new StringBuilder();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isEmpty() && !event.isEmpty()) {
                break;
            }
            event.append(line).append('\n');
        }
        return event.toString();
    }

    private Set<String> exposedOperations() throws IOException, InterruptedException {
        HttpResponse<String> answer =
                HTTP.send(
                        HttpRequest.newBuilder(base.resolve("/q/openapi?format=json")).build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode paths = JSON.readTree(answer.body()).path("paths");
        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next();
                if (!method.equals("parameters")) {
                    operations.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 160 ? body.substring(0, 160) + "..." : body;
    }
}
