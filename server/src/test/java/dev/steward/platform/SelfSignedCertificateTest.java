package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedCertificateTest {

    @Test
    void validityIsCountedFromTheGivenClock(@TempDir Path dir) throws Exception {
        Instant now = Instant.parse("2031-03-04T05:06:07Z");
        Path certificate = dir.resolve("certificate.pem");

        SelfSignedCertificate.write(dir, certificate, dir.resolve("private-key.pem"), Clock.fixed(now, ZoneOffset.UTC));

        X509Certificate cert;
        try (InputStream in = Files.newInputStream(certificate)) {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        assertThat(cert.getNotBefore().toInstant()).isEqualTo(now.minus(Duration.ofDays(1)));
        assertThat(cert.getNotAfter().toInstant()).isEqualTo(now.plus(Duration.ofDays(825)));
    }
}
