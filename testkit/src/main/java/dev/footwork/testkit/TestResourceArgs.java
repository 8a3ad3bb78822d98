package dev.footwork.testkit;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the {@code initArgs} of the test resources in this module. */
final class TestResourceArgs {
    private final Map<String, String> args;

    TestResourceArgs(Map<String, String> args) {
        this.args = Map.copyOf(args);
    }

    List<String> list(String name) {
        String value = args.get(name);
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    Optional<Integer> integer(String name) {
        String value = args.get(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.valueOf(value.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "Test resource argument " + name + " must be a number, was " + value, e);
        }
    }

    String string(String name, String defaultValue) {
        String value = args.get(name);
        return value == null || value.isBlank() ? defaultValue : value.strip();
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(args.getOrDefault(name, "false").strip());
    }
}
