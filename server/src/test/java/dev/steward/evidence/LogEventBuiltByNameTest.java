package dev.steward.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A system-log event is built by name ({@code LogEvent.of(...).object(...).refused()}), never through
 * its canonical constructor: nine positional strings let a purpose land in the subject field
 * without a compiler noticing. Scans main and test sources; only {@code LogEvent.java} may call it.
 */
class LogEventBuiltByNameTest {

    // Spelled in two parts so this file does not match its own scan.
    private static final String CONSTRUCTOR_CALL = "new " + "LogEvent(";

    @Test
    void onlyLogEventItselfCallsTheConstructor() {
        List<String> found = new ArrayList<>();
        scan(Path.of("src/main/java"), found);
        scan(Path.of("src/test/java"), found);
        assertThat(found).as("build LogEvent with LogEvent.of(...) or LogEvent.success(...)").isEmpty();
    }

    @Test
    void theScanFindsAConstructorCall() {
        assertThat(callsConstructor("log.record(" + CONSTRUCTOR_CALL + "t, null, \"a\", ...));")).isTrue();
        assertThat(callsConstructor("log.record(LogEvent.of(t, null, \"a\").refused());")).isFalse();
    }

    @Test
    void namedStepsFillTheirOwnFields() {
        UUID tenant = UUID.randomUUID();
        LogEvent event = LogEvent.of(tenant, null, "record.read").object("record:1").purpose("CARE").subject("hmac")
                .refused().actorName("someone").from("192.0.2.1");
        assertThat(List.of(event.tenantId().toString(), event.action(), event.object(), event.purpose(),
                event.outcome(), event.subjectRef(), event.actorName(), event.sourceAddress()))
                .containsExactly(tenant.toString(), "record.read", "record:1", "CARE", "refused", "hmac", "someone",
                        "192.0.2.1");
        LogEvent plain = LogEvent.of(tenant, null, "job.failing");
        assertThat(plain.outcome()).isEqualTo("success");
        assertThat(plain.actorName()).as("the platform acts under no name").isNull();
        assertThat(plain.failed().outcome()).isEqualTo("failed");
    }

    private static void scan(Path root, List<String> found) {
        assertThat(root).as("source folder (tests run in the server module)").isDirectory();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().equals("LogEvent.java")).toList()) {
                if (callsConstructor(Files.readString(f))) {
                    found.add(f.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean callsConstructor(String source) {
        return source.contains(CONSTRUCTOR_CALL);
    }
}
