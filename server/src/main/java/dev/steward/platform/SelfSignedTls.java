package dev.steward.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * HTTPS by default: when no certificate is configured, creates a self-signed certificate for
 * localhost under {@code <data-dir>/tls} on first start and points the server at it. The key is a
 * PEM file readable by the server's user only: a password-protected key store would keep its
 * password next to it, protect nothing more, and cost every start its key derivations. Data
 * directories from earlier versions keep their {@code keystore.p12}. Creating the certificate is
 * {@link SelfSignedCertificate}'s, so that later starts load no Bouncy Castle class: its jars are
 * signed, and the first class from one costs a verification of the whole jar.
 */
public final class SelfSignedTls implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    /** Certificates being created, by TLS directory, until {@link #awaitCertificate} hands them to the server. */
    private static final Map<Path, CompletableFuture<Void>> CREATING = new ConcurrentHashMap<>();

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        if (env.getProperty("server.ssl.key-store") != null || env.getProperty("server.ssl.certificate") != null
                || env.getProperty("server.ssl.bundle") != null
                || !env.getProperty("server.ssl.enabled", Boolean.class, false)) {
            return;
        }
        Path dir = Path.of(env.getProperty("steward.data-dir", "./data")).resolve("tls");
        Map<String, Object> props = new HashMap<>();
        try {
            Path store = dir.resolve("keystore.p12");
            Path secret = dir.resolve("keystore.secret");
            if (Files.exists(store) && Files.exists(secret)) {
                props.put("server.ssl.key-store", store.toAbsolutePath().toUri().toString());
                props.put("server.ssl.key-store-password", Files.readString(secret).trim());
                props.put("server.ssl.key-alias", "steward");
            } else {
                Path certificate = dir.resolve("certificate.pem");
                Path key = dir.resolve("private-key.pem");
                if (!Files.exists(certificate) || !Files.exists(key)) {
                    // Its key generation and signature take a few hundred milliseconds of a first start:
                    // done meanwhile on a thread of their own, awaited before the web server reads the files.
                    CREATING.put(normalized(dir), CompletableFuture.runAsync(() -> create(dir, certificate, key),
                            task -> Thread.ofPlatform().daemon().name("tls-certificate").start(task)));
                }
                props.put("server.ssl.certificate", certificate.toAbsolutePath().toUri().toString());
                props.put("server.ssl.certificate-private-key", key.toAbsolutePath().toUri().toString());
            }
            env.getPropertySources().addFirst(new MapPropertySource("stewardSelfSignedTls", props));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the TLS key store secret in " + dir, e);
        }
    }

    /**
     * Returns once the certificate of {@code dataDir} exists: at once unless this start is creating
     * it. A failure to create it stops the start.
     */
    public static void awaitCertificate(Path dataDir) {
        CompletableFuture<Void> creating = CREATING.remove(normalized(dataDir.resolve("tls")));
        if (creating == null) {
            return;
        }
        try {
            creating.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private static void create(Path dir, Path certificate, Path key) {
        try {
            // Before the context exists there is no Clock bean to inject: the one place besides the
            // bean that reads the system clock (listed in SystemTimeArchitectureTest.EXCEPTIONS).
            SelfSignedCertificate.write(dir, certificate, key, Clock.systemUTC());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the self-signed TLS certificate in " + dir, e);
        }
        System.out.println("Steward: created a self-signed TLS certificate for localhost in "
                + certificate.toAbsolutePath());
    }

    private static Path normalized(Path dir) {
        return dir.toAbsolutePath().normalize();
    }
}
