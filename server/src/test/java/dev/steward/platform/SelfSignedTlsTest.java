package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class SelfSignedTlsTest {

    @TempDir
    Path dataDir;

    @Test
    void firstStartCreatesAPemCertificateForLocalhostAndAKeyOnlyTheServerReads() throws Exception {
        StandardEnvironment env = prepare(Map.of());
        Path certificate = dataDir.resolve("tls/certificate.pem");
        Path key = dataDir.resolve("tls/private-key.pem");
        assertThat(env.getProperty("server.ssl.certificate")).isEqualTo(certificate.toUri().toString());
        assertThat(env.getProperty("server.ssl.certificate-private-key")).isEqualTo(key.toUri().toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(certificate)));
        assertThat(cert.getSubjectX500Principal().getName()).contains("CN=localhost");
        cert.verify(cert.getPublicKey());

        byte[] before = Files.readAllBytes(key);
        prepare(Map.of());
        assertThat(Files.readAllBytes(key)).as("a restart keeps the certificate").isEqualTo(before);
    }

    @Test
    void aCertificateThatCannotBeWrittenStopsTheStartWhenTheServerWaitsForIt() throws Exception {
        Files.writeString(dataDir.resolve("tls"), "a file where the directory should be");

        assertThatThrownBy(() -> prepare(Map.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot create the self-signed TLS certificate");
        SelfSignedTls.awaitCertificate(dataDir); // handed out once: nothing left to wait for
    }

    @Test
    void aConfiguredCertificateIsLeftAlone() {
        StandardEnvironment env = prepare(Map.of("server.ssl.certificate", "file:/etc/steward/cert.pem"));
        assertThat(env.getProperty("server.ssl.certificate")).isEqualTo("file:/etc/steward/cert.pem");
        assertThat(dataDir.resolve("tls")).doesNotExist();
    }

    private StandardEnvironment prepare(Map<String, Object> extra) {
        StandardEnvironment env = new StandardEnvironment();
        Map<String, Object> props = new java.util.HashMap<>(extra);
        props.put("server.ssl.enabled", "true");
        props.put("steward.data-dir", dataDir.toString());
        env.getPropertySources().addFirst(new MapPropertySource("test", props));
        new SelfSignedTls().onApplicationEvent(new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(),
                new SpringApplication(), new String[0], env));
        SelfSignedTls.awaitCertificate(dataDir); // as the web server factory's customizer does
        return env;
    }
}
