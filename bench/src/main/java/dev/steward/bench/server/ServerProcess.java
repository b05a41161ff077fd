package dev.steward.bench.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The real server as a child process, started the way an operator starts it: through the
 * {@code ./steward serve} launcher (so its start-up cache, if any, is used), or as plain
 * {@code java -jar} for comparison. "Ready" means {@code /actuator/health/readiness} answers 200
 * over HTTPS.
 */
public final class ServerProcess implements AutoCloseable {

    /** How the server is started. */
    public enum Launch {
        /** {@code ./steward serve}, with STEWARD_JAVA_OPTS carrying the JVM options. */
        LAUNCHER,
        /** {@code java <options> -jar server/target/steward-server.jar}. */
        PLAIN_JAR
    }

    private static final HttpClient PROBE = trustingClient(Duration.ofSeconds(2));

    private final Process process;
    private final int port;
    private final long startedNanos;
    private final Path log;

    private ServerProcess(Process process, int port, long startedNanos, Path log) {
        this.process = process;
        this.port = port;
        this.startedNanos = startedNanos;
        this.log = log;
    }

    public static ServerProcess start(Path root, Launch launch, List<String> jvmOptions, Path dataDir,
            List<String> extraArgs, Path log) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        if (launch == Launch.LAUNCHER) {
            command.addAll(List.of("bash", root.resolve("steward").toString(), "serve"));
            builder.environment().put("STEWARD_JAVA_OPTS", String.join(" ", jvmOptions));
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", root.resolve("server/target/steward-server.jar").toString()));
        }
        command.add("--server.port=" + port);
        command.add("--steward.data-dir=" + dataDir);
        command.addAll(extraArgs);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        long t0 = System.nanoTime();
        return new ServerProcess(builder.start(), port, t0, log);
    }

    /** Polls readiness every 20 ms; returns the seconds from process start to the first 200. */
    public double awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = startedNanos + timeout.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(uri("/actuator/health/readiness")).timeout(Duration.ofSeconds(2))
                .build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + " before it was ready; "
                        + "log: " + tail());
            }
            try {
                if (PROBE.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - startedNanos) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("server not ready within " + timeout + "; log: " + tail());
    }

    public URI uri(String path) {
        return URI.create("https://localhost:" + port + path);
    }

    public String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** A client that trusts the server's self-signed certificate: loopback benchmarking only. */
    public static HttpClient trustingClient(Duration connectTimeout) {
        try {
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, new javax.net.ssl.TrustManager[] { new TrustAll() }, new SecureRandom());
            return HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(connectTimeout).build();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Accepts any certificate and host name; the extended form keeps the JDK from checking host names. */
    private static final class TrustAll extends X509ExtendedTrustManager {
        @Override public void checkClientTrusted(X509Certificate[] c, String a, java.net.Socket s) { }
        @Override public void checkServerTrusted(X509Certificate[] c, String a, java.net.Socket s) { }
        @Override public void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e) { }
        @Override public void checkServerTrusted(X509Certificate[] c, String a, SSLEngine e) { }
        @Override public void checkClientTrusted(X509Certificate[] c, String a) { }
        @Override public void checkServerTrusted(X509Certificate[] c, String a) { }
        @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
    }
}
