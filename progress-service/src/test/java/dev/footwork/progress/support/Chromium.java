package dev.footwork.progress.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium and its driver for the browser tests, installed with apt-get when missing so
 * that the test command sets up what it needs on a fresh machine.
 */
public final class Chromium {

    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {}

    /** Makes sure both are installed; fails with what to do when they cannot be. */
    public static void ensureInstalled() throws IOException, InterruptedException {
        if (installed()) {
            return;
        }
        run(List.of("apt-get", "install", "-y", "-q", "chromium", "chromium-driver"));
        if (!installed()) {
            // a fresh machine may not have read the package lists yet
            run(List.of("apt-get", "update", "-q"));
            run(List.of("apt-get", "install", "-y", "-q", "chromium", "chromium-driver"));
        }
        if (!installed()) {
            throw new IllegalStateException(
                    "Chromium is needed for the dashboard test and could not be installed:"
                            + " run 'apt-get install chromium chromium-driver' as root");
        }
    }

    private static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process process = builder.start();
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " took over 15 minutes");
        }
    }
}
