package dev.footwork.progress.support;

import static io.restassured.RestAssured.given;

import java.util.Arrays;
import java.util.Optional;

/** Reads one value from the service's {@code /q/metrics} (Prometheus text format). */
public final class Metrics {

    private Metrics() {}

    /**
     * The value of the series {@code name} (with {@code labels}, e.g. {@code request="refused"}, or
     * none), if the service reports it.
     */
    public static Optional<Double> value(String name, String labels) {
        String series = labels == null ? name : name + "{" + labels + "}";
        return Arrays.stream(
                        given().get("/q/metrics")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString()
                                .split("\n"))
                .filter(line -> line.startsWith(series + " "))
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .findFirst();
    }

    /** The value of a series without labels, which the service must report. */
    public static double value(String name) {
        return value(name, null)
                .orElseThrow(() -> new AssertionError(name + " is not reported at /q/metrics"));
    }
}
