package dev.footwork.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What {@code /proc} says about a process: its memory and the CPU time it used. */
final class Processes {

    private static final double TICKS_PER_SECOND = 100.0;

    private Processes() {}

    /** {@code VmRSS} and {@code VmHWM} in MiB. */
    static double[] residentMiB(long pid) throws IOException {
        double rss = Double.NaN;
        double hwm = Double.NaN;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = kib(line) / 1024.0;
            } else if (line.startsWith("VmHWM:")) {
                hwm = kib(line) / 1024.0;
            }
        }
        return new double[] {rss, hwm};
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    /** User plus system CPU seconds the process has used so far. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state(0) ppid(1) ... utime(11) stime(12)
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** CPU seconds of a process and of its children that still run (PostgreSQL's backends). */
    static double cpuSecondsWithChildren(long pid) throws IOException {
        double total = cpuSeconds(pid);
        try (Stream<Path> all = Files.list(Path.of("/proc"))) {
            for (Path dir : (Iterable<Path>) all::iterator) {
                String name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long child = Long.parseLong(name);
                if (parent(child) == pid) {
                    total += cpuSeconds(child);
                }
            }
        }
        return total;
    }

    private static long parent(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[1]);
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }

    /** Cores and memory of this machine, from {@code /proc}. */
    static String machine() throws IOException {
        int cores = Runtime.getRuntime().availableProcessors();
        long memKib = 0;
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                memKib = kib(line);
            }
        }
        String model = "";
        for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("model name")) {
                model = line.substring(line.indexOf(':') + 1).trim();
                break;
            }
        }
        return String.format(
                "%d cores (%s), %.1f GiB memory", cores, model, memKib / 1024.0 / 1024.0);
    }
}
