package dev.steward.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Writes results as JSON and as a Markdown table between markers in BENCHMARKS.md. */
final class Results {

    private Results() {
    }

    static void writeJson(Path file, Benchmark b, Instant date, String machine, List<Figure> figures)
            throws IOException {
        StringBuilder json = new StringBuilder();
        json.append("{\n  \"benchmark\": ").append(quote(b.name()))
                .append(",\n  \"date\": ").append(quote(date.toString()))
                .append(",\n  \"machine\": ").append(quote(machine))
                .append(",\n  \"figures\": [");
        for (int i = 0; i < figures.size(); i++) {
            Figure f = figures.get(i);
            json.append(i == 0 ? "\n" : ",\n")
                    .append("    {\"name\": ").append(quote(f.name()))
                    .append(", \"value\": ").append(number(f.value()))
                    .append(", \"unit\": ").append(quote(f.unit()))
                    .append(", \"baseline\": ").append(f.baseline().isEmpty() ? "null" : quote(f.baseline()))
                    .append(", \"baseline_value\": ").append(number(f.baselineValue()))
                    .append(", \"ratio\": ").append(number(f.ratio()))
                    .append(", \"goal\": ").append(f.goal().isEmpty() ? "null" : quote(f.goal()))
                    .append('}');
        }
        json.append("\n  ]\n}\n");
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
    }

    static void refreshMarkdown(Path file, Benchmark b, Instant date, String machine, List<Figure> figures)
            throws IOException {
        String begin = "<!-- bench:" + b.name() + " -->";
        String end = "<!-- /bench:" + b.name() + " -->";
        StringBuilder section = new StringBuilder(begin).append("\n## ").append(b.name()).append("\n\n")
                .append(b.description()).append("\n\n")
                .append("Run `./steward bench ").append(b.name()).append("` on ").append(date).append(" (")
                .append(machine).append(").\n\n")
                .append("| figure | value | unit | baseline (same run) | baseline value | ratio | goal |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (Figure f : figures) {
            section.append("| ").append(f.name()).append(" | ").append(human(f.value())).append(" | ")
                    .append(f.unit()).append(" | ").append(f.baseline().isEmpty() ? "—" : f.baseline())
                    .append(" | ").append(human(f.baselineValue())).append(" | ").append(human(f.ratio()))
                    .append(" | ").append(f.goal().isEmpty() ? "—" : f.goal()).append(" |\n");
        }
        section.append(end);
        String text = Files.exists(file) ? Files.readString(file)
                : "# Benchmarks\n\nEach section is written by `./steward bench NAME`; every figure is measured with "
                        + "its baseline in the same run. Raw results are in `bench/results/NAME.json`.\n";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from >= 0 && to > from) {
            text = text.substring(0, from) + section + text.substring(to + end.length());
        } else {
            text = text.stripTrailing() + "\n\n" + section + "\n";
        }
        Files.writeString(file, text);
    }

    static String line(Figure f) {
        return "  %-60s %14s %-8s baseline %s %s ratio %s goal %s".formatted(f.name(), human(f.value()), f.unit(),
                f.baseline().isEmpty() ? "-" : f.baseline(), human(f.baselineValue()), human(f.ratio()),
                f.goal().isEmpty() ? "-" : f.goal());
    }

    private static String human(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    private static String number(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "null" : String.format(Locale.ROOT, "%.6g", v);
    }

    private static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format("\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
