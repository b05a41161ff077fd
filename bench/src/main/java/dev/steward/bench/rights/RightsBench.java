package dev.steward.bench.rights;

import dev.steward.bench.BenchContext;
import dev.steward.bench.Benchmark;
import dev.steward.bench.Figure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue 11's figures for the answers to access and portability requests. The code measured (records'
 * batch read, the report's PDF and JSON, the export's CSV, the sealed download) lives in the server's
 * Boot jar and cannot be called as a library, so the measurement is the server's test
 * {@code RightsReportBenchmark}, run here through Maven in the server's test context on PostgreSQL;
 * its figures come back in a tab-separated file.
 */
public final class RightsBench implements Benchmark {

    private final long tenantRecords = Long.getLong("steward.bench.rights.tenant-records", 10_000_000L);

    @Override
    public String name() {
        return "rights";
    }

    @Override
    public String description() {
        return "Answers to data-subject requests on the real server code (the server's RightsReportBenchmark in its "
                + "Spring test context, PostgreSQL 127.0.0.1, row-level security on, app role): one subject with 10,000 "
                + "records (small JSON documents, imported through the API) in a tenant of "
                + String.format(Locale.ROOT, "%,d", tenantRecords) + " records (`-Dsteward.bench.rights.tenant-records`; "
                + "the filler: rows of other subjects, 10 each, loaded with COPY as the database owner, never decrypted). "
                + "Timed: the approval call over HTTPS until the request is FULFILLED, which reads all the subject's "
                + "records through RecordStore#allOfSubject (one query, the data key unwrapped once, an access-log row "
                + "per record), writes the files (access: PDF with PDFBox + JSON; portability: JSON + one CSV per "
                + "category), zips, seals under the request's key, stores the download and issues the link. Baseline: "
                + "RecordStore#allOfSubject of the same records alone, in the same run, rounds interleaved; one warm-up "
                + "of each, then the median of 3. Client, server and PostgreSQL share the machine's 2 cores.";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        Path out = context.workDirectory().resolve("rights-figures.tsv");
        Path log = context.workDirectory().resolve("rights-bench.log");
        Path root = context.repositoryRoot();
        List<String> command = List.of(root.resolve("mvnw").toString(), "-B", "-q", "-o", "-pl", "server", "test",
                "-Dtest=RightsReportBenchmark", "-Dsurefire.failIfNoSpecifiedTests=false",
                "-Dsteward.bench.rights.out=" + out.toAbsolutePath(),
                "-Dsteward.bench.rights.tenant-records=" + tenantRecords);
        Process p = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (p.waitFor() != 0 || !Files.exists(out)) {
            throw new IllegalStateException("RightsReportBenchmark failed; its output:\n" + tail(log));
        }
        List<Figure> figures = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            String[] f = line.split("\t", -1);
            figures.add(new Figure(f[0], Double.parseDouble(f[1]), f[2], f[3], Double.parseDouble(f[4]), f[5]));
        }
        return figures;
    }

    private static String tail(Path log) throws java.io.IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
