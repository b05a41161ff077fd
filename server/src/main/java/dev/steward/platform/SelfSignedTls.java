package dev.steward.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
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
 * HTTPS by default: when no key store is configured, creates a self-signed certificate for
 * localhost under {@code <data-dir>/tls} on first start and points the server at it.
 */
public final class SelfSignedTls implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        if (env.getProperty("server.ssl.key-store") != null
                || !env.getProperty("server.ssl.enabled", Boolean.class, false)) {
            return;
        }
        Path dir = Path.of(env.getProperty("steward.data-dir", "./data")).resolve("tls");
        try {
            Path store = dir.resolve("keystore.p12");
            Path secret = dir.resolve("keystore.secret");
            if (!Files.exists(store) || !Files.exists(secret)) {
                create(dir, store, secret);
                System.out.println("Steward: created a self-signed TLS certificate for localhost in " + store.toAbsolutePath());
            }
            Map<String, Object> props = new HashMap<>();
            props.put("server.ssl.key-store", store.toAbsolutePath().toUri().toString());
            props.put("server.ssl.key-store-password", Files.readString(secret).trim());
            props.put("server.ssl.key-alias", "steward");
            env.getPropertySources().addFirst(new MapPropertySource("stewardSelfSignedTls", props));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the self-signed TLS certificate in " + dir, e);
        }
    }

    private static void create(Path dir, Path store, Path secret) throws IOException, GeneralSecurityException {
        try {
            createUnchecked(dir, store, secret);
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static void createUnchecked(Path dir, Path store, Path secret)
            throws IOException, GeneralSecurityException, org.bouncycastle.operator.OperatorCreationException {
        Files.createDirectories(dir);
        SecureRandom random = new SecureRandom();
        byte[] pw = new byte[24];
        random.nextBytes(pw);
        char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(pw).toCharArray();
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
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("steward", pair.getPrivate(), password, new X509Certificate[] { cert });
        Path tmp = Files.createTempFile(dir, "keystore", ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            ks.store(out, password);
        }
        Files.move(tmp, store, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(secret, new String(password));
        try {
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
            Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the operator protects the directory
        }
    }
}
