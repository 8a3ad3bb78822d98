package dev.footwork.benchmarks;

import java.time.Duration;

/**
 * The load generator alone against one URL of a running service ({@code benchmarks/run --load
 * URL}): closed-loop GETs by {@code --clients} clients (16) for {@code --window} (10s), after a
 * {@code --warm-up} (3s) that is not counted, {@code --runs} (2) times. Starts nothing; for
 * checking the load generator against an independent tool on the same endpoint, e.g. {@code
 * /q/health/live}.
 */
final class UrlLoad {

    private UrlLoad() {}

    /** Runs it with the options after {@code --load URL}; returns the exit status. */
    static int run(String url, String... args) throws InterruptedException {
        int clients = 16;
        Duration window = Duration.ofSeconds(10);
        Duration warmUp = Duration.ofSeconds(3);
        int runs = 2;
        String bearer = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--window" -> window = Duration.parse("PT" + args[++i]);
                case "--warm-up" -> warmUp = Duration.parse("PT" + args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--bearer" -> bearer = args[++i];
                default -> {
                    System.err.println(
                            "unknown option " + args[i] + " for --load (see benchmarks/README.md)");
                    return 2;
                }
            }
        }
        String authorization = bearer == null ? null : "Bearer " + bearer;
        boolean clean = true;
        for (int n = 1; n <= runs; n++) {
            HttpLoad.Result result =
                    HttpLoad.run(
                            clients,
                            warmUp,
                            window,
                            () -> HttpConnection.Request.get(url, authorization));
            System.out.printf(
                    "GET %s, %d clients, %d s: %s%n",
                    url, clients, window.toSeconds(), result.describe());
            clean &= result.clean();
        }
        return clean ? 0 : 1;
    }
}
