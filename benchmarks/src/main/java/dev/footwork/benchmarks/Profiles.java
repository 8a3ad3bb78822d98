package dev.footwork.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The top frames (self time) of a flight recording's execution samples, from the JDK's jfr. */
final class Profiles {

    private Profiles() {}

    /** The {@code limit} methods most often on top of a sampled stack, with their share. */
    static String topFrames(Path recording, int limit) throws IOException, InterruptedException {
        if (!Files.isRegularFile(recording)) {
            return "    (no recording at " + recording + ")\n";
        }
        Path jfr = Path.of(System.getProperty("java.home"), "bin", "jfr");
        Path text = recording.resolveSibling(recording.getFileName() + ".samples.txt");
        Process process =
                new ProcessBuilder(
                                jfr.toString(),
                                "print",
                                "--events",
                                "jdk.ExecutionSample",
                                "--stack-depth",
                                "1",
                                recording.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(text.toFile())
                        .start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            return "    (jfr print failed; see " + text + ")\n";
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        int samples = 0;
        boolean nextIsTop = false;
        for (String line : Files.readAllLines(text)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("stackTrace = [")) {
                nextIsTop = true;
            } else if (nextIsTop) {
                nextIsTop = false;
                String frame = trimmed.replaceAll("\\s+line: \\d+.*$", "");
                counts.merge(frame, 1, Integer::sum);
                samples++;
            }
        }
        int total = samples;
        StringBuilder out = new StringBuilder();
        out.append(String.format("    %d execution samples%n", total));
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(limit)
                .forEach(
                        e ->
                                out.append(
                                        String.format(
                                                "    %5.1f %%  %s%n",
                                                100.0 * e.getValue() / total, e.getKey())));
        return out.toString();
    }

    static List<String> services() {
        return LocalSystem.SERVICES;
    }
}
