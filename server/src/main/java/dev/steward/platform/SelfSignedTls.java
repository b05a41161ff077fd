package dev.steward.platform;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * HTTPS by default: when no certificate is configured, creates a self-signed certificate for
 * localhost under {@code <data-dir>/tls} on first start and points the server at it. The key is a
 * PEM file readable by the server's user only: a password-protected key store would keep its
 * password next to it, protect nothing more, and cost every start its key derivations. Data
 * directories from earlier versions keep their {@code keystore.p12}.
 */
public final class SelfSignedTls implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

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
                    create(dir, certificate, key);
                    System.out.println("Steward: created a self-signed TLS certificate for localhost in "
                            + certificate.toAbsolutePath());
                }
                props.put("server.ssl.certificate", certificate.toAbsolutePath().toUri().toString());
                props.put("server.ssl.certificate-private-key", key.toAbsolutePath().toUri().toString());
            }
            env.getPropertySources().addFirst(new MapPropertySource("stewardSelfSignedTls", props));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the self-signed TLS certificate in " + dir, e);
        }
    }

    private static void create(Path dir, Path certificate, Path key) throws IOException, GeneralSecurityException {
        try {
            createUnchecked(dir, certificate, key);
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static void createUnchecked(Path dir, Path certificate, Path key)
            throws IOException, GeneralSecurityException, org.bouncycastle.operator.OperatorCreationException {
        Files.createDirectories(dir);
        SecureRandom random = new SecureRandom();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256, random);
        KeyPair pair = generator.generateKeyPair();
        Instant now = Instant.now();
        X500Name subject = new X500Name("CN=localhost, O=Steward self-signed");
        var builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, random),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(825))), subject,
                pair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1") }));
        X509Certificate cert = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        // the key first, private from its first byte; the certificate last, so both exist when it does
        writePrivately(key, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        writePrivately(certificate, pem("CERTIFICATE", cert.getEncoded()));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** Writes through a temporary file that is private before it holds anything, then moves it in place. */
    private static void writePrivately(Path target, String content) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the operator protects the directory
        }
        Files.writeString(tmp, content);
        Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
