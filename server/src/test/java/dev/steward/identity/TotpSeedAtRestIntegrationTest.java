package dev.steward.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.identity.internal.TotpSeedSealing;
import dev.steward.platform.DataScope;
import dev.steward.platform.Role;
import dev.steward.platform.TenantScope;
import dev.steward.support.Db;
import dev.steward.support.Fixtures;
import dev.steward.support.IntegrationTestBase;
import dev.steward.tenancy.Tenant;

/**
 * Canary for second factors (SEC-6): no TOTP seed lies in clear in the database (as text, hex or
 * base64, of its base32 form or its raw bytes), pending or enrolled; a seed stored in clear by an
 * earlier version is found by the same scan (positive control) and sealed at start, after which
 * it still produces accepted codes and the scan no longer finds it.
 */
class TotpSeedAtRestIntegrationTest {

    @Nested
    @ActiveProfiles(Db.H2)
    class OnH2 extends Cases {

        @Override
        byte[] databaseImage() {
            // SCRIPT writes every row of every table, binary columns in hex
            return String.join("\n", jdbc.sql("SCRIPT").query(String.class).list()).getBytes(StandardCharsets.UTF_8);
        }
    }

    @Nested
    @ActiveProfiles(Db.POSTGRES)
    class OnPostgres extends Cases {

        @Override
        byte[] databaseImage() throws Exception {
            String url = env.getRequiredProperty("spring.datasource.url");
            String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*$", "");
            Process dump = new ProcessBuilder("/usr/bin/pg_dump", "-h", "127.0.0.1", "-U", "postgres", "--no-password",
                    database).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] sql = dump.getInputStream().readAllBytes();
            assertThat(dump.waitFor()).as("pg_dump exit code").isZero();
            return sql;
        }
    }

    abstract static class Cases extends IntegrationTestBase {

        @Autowired
        JdbcClient jdbc;
        @Autowired
        Environment env;
        @Autowired
        SignIn signIn;
        @Autowired
        TotpSeedSealing sealing;

        abstract byte[] databaseImage() throws Exception;

        @Test
        void noSeedLiesInClearAndSeedsLeftInClearByEarlierVersionsAreSealed() throws Exception {
            Tenant t = fixtures.tenant();
            Account enrolled = fixtures.account(t, Role.CUSTOMER_ADMIN);
            String enrolledSeed = signIn.beginEnrolment(t.id(), enrolled.id());
            assertThat(signIn.confirmEnrolment(t.id(), enrolled.id(),
                    Totp.codeAt(enrolledSeed, Totp.stepAt(clock.instant())))).isTrue();
            Account pending = fixtures.account(t, Role.CUSTOMER_USER);
            String pendingSeed = signIn.beginEnrolment(t.id(), pending.id());
            // an account as a version before V210 left it: seed in clear, enrolled
            Account legacy = fixtures.account(t, Role.CUSTOMER_USER);
            String legacySeed = Totp.newSecret();
            TenantScope.run(DataScope.tenant(t.id()), () -> jdbc.sql("UPDATE accounts SET totp_secret = ?, "
                    + "totp_enabled = TRUE WHERE tenant_id = ? AND account_id = ?")
                    .params(legacySeed, t.id(), legacy.id()).update());

            List<String> needles = new ArrayList<>();
            needles.addAll(forms(enrolledSeed));
            needles.addAll(forms(pendingSeed));
            byte[] before = databaseImage();
            assertThat(found(before, needles)).as("seeds in clear before sealing").isEmpty();
            assertThat(found(before, forms(legacySeed))).as("positive control: the scan finds a seed stored in clear")
                    .isNotEmpty();
            assertThat(found(before, List.of(enrolled.username()))).as("positive control: the account's row").isNotEmpty();

            assertThat(sealing.sealClearSeeds()).isPositive();
            needles.addAll(forms(legacySeed));
            assertThat(found(databaseImage(), needles)).as("seeds in clear after sealing").isEmpty();

            clock.advance(java.time.Duration.ofSeconds(30));
            assertThat(signIn.secondFactor(t.id(), legacy.id(), Totp.codeAt(legacySeed, Totp.stepAt(clock.instant())),
                    Fixtures.unique("src"))).as("a sealed legacy seed still signs in").isTrue();
            assertThat(signIn.secondFactor(t.id(), enrolled.id(),
                    Totp.codeAt(enrolledSeed, Totp.stepAt(clock.instant())), Fixtures.unique("src"))).isTrue();
        }

        /** The seed as base32 text and as its raw bytes, each as text, hex and base64 (three alignments). */
        static List<String> forms(String base32) {
            List<String> out = new ArrayList<>();
            out.add(base32);
            for (byte[] bytes : List.of(base32.getBytes(StandardCharsets.US_ASCII), unbase32(base32))) {
                out.add(java.util.HexFormat.of().formatHex(bytes));
                out.add(java.util.HexFormat.of().withUpperCase().formatHex(bytes));
                for (int shift = 0; shift < 3; shift++) {
                    byte[] shifted = new byte[bytes.length + shift];
                    System.arraycopy(bytes, 0, shifted, shift, bytes.length);
                    String b64 = java.util.Base64.getEncoder().withoutPadding().encodeToString(shifted);
                    out.add(b64.substring(4, b64.length() - 4));
                }
            }
            return out;
        }

        static List<String> found(byte[] image, List<String> needles) {
            String text = new String(image, StandardCharsets.ISO_8859_1);
            return needles.stream().filter(text::contains).toList();
        }

        private static byte[] unbase32(String s) {
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int buffer = 0;
            int bits = 0;
            for (char c : s.toCharArray()) {
                buffer = (buffer << 5) | alphabet.indexOf(c);
                bits += 5;
                if (bits >= 8) {
                    out.write((buffer >> (bits - 8)) & 0xff);
                    bits -= 8;
                }
            }
            return out.toByteArray();
        }
    }
}
