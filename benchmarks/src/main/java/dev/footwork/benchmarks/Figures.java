package dev.footwork.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures of one run: each with its Footwork value, its baseline, their ratio and target. */
final class Figures {

    /** One line of the table; {@code ratio} is Footwork's value over the baseline's, or NaN. */
    record Figure(String name, String value, String baseline, double ratio, String target) {}

    private final List<Figure> figures = new ArrayList<>();

    synchronized void add(String name, String value, String baseline, double ratio, String target) {
        Figure figure = new Figure(name, value, baseline, ratio, target);
        figures.add(figure);
        System.out.printf(
                "FIGURE %s | %s | %s | %s | %s%n", name, value, baseline, ratioText(ratio), target);
    }

    synchronized void add(String name, String value) {
        add(name, value, "-", Double.NaN, "-");
    }

    synchronized List<Figure> all() {
        return List.copyOf(figures);
    }

    /** The figures as a Markdown table. */
    synchronized String table() {
        StringBuilder out = new StringBuilder();
        out.append("| figure | Footwork | baseline | ratio | target |\n");
        out.append("|---|---|---|---|---|\n");
        for (Figure f : figures) {
            out.append("| ")
                    .append(f.name())
                    .append(" | ")
                    .append(f.value())
                    .append(" | ")
                    .append(f.baseline())
                    .append(" | ")
                    .append(ratioText(f.ratio()))
                    .append(" | ")
                    .append(f.target())
                    .append(" |\n");
        }
        return out.toString();
    }

    static String ratioText(double ratio) {
        if (Double.isNaN(ratio) || Double.isInfinite(ratio)) {
            return "-";
        }
        return String.format(Locale.ROOT, ratio >= 10 ? "%.0fx" : "%.2fx", ratio);
    }

    /** A figure with a precision that suits its size. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (Math.abs(value) >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
