package dev.steward.bench;

import java.util.ArrayList;
import java.util.List;

/** Splits a migration file into its statements, for benchmarks that create the server's tables themselves. */
public final class SqlScript {

    private SqlScript() {
    }

    /** The statements of {@code sql}: comment lines dropped, split at semicolons (the migrations have none in literals). */
    public static List<String> statements(String sql) {
        StringBuilder body = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.trim().startsWith("--")) {
                body.append(line).append('\n');
            }
        }
        List<String> out = new ArrayList<>();
        for (String s : body.toString().split(";")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }
}
