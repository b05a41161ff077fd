package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.file.Files;

import javax.net.ssl.SSLParameters;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.evidence.EvidenceLog;
import dev.steward.ledger.verify.BundleVerifier;
import dev.steward.ledger.verify.VerificationReport;
import dev.steward.support.ApiClient;
import dev.steward.support.ClientFlow;
import dev.steward.support.ClientFlow.Observed;
import dev.steward.support.Db;
import dev.steward.support.Fixtures;
import dev.steward.support.GeneratedClient;
import dev.steward.support.IntegrationTestBase;
import dev.steward.tenancy.Tenant;

/**
 * The API as a client nobody here wrote meets it: a Java client generated from the server's own
 * {@code /v3/api-docs} by the OpenAPI Generator drives a customer's whole flow. Any body the
 * document leaves untyped or types wrongly breaks generation, compilation or deserialisation.
 */
class GeneratedClientIntegrationTest {

    @Nested
    @ActiveProfiles(Db.H2)
    class OnH2 extends Cases {
    }

    @Nested
    @ActiveProfiles(Db.POSTGRES)
    class OnPostgres extends Cases {
    }

    abstract static class Cases extends IntegrationTestBase {

        /** Generated and compiled once per run: the document is the same whichever database serves it. */
        private static ClassLoader client;

        @Autowired
        EvidenceLog logs;

        private ClientFlow flow() throws Exception {
            synchronized (Cases.class) {
                if (client == null) {
                    // springdoc builds the document on first request, which takes long on a busy machine
                    HttpRequest get = HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/v3/api-docs"))
                            .timeout(Duration.ofMinutes(3)).GET().build();
                    String document = http().build().send(get, HttpResponse.BodyHandlers.ofString()).body();
                    client = GeneratedClient.build(document, Files.createTempDirectory("generated-client"),
                            "clientflow/StewardFlow.java");
                }
            }
            return (ClientFlow) client.loadClass("clientflow.StewardFlow").getDeclaredConstructor().newInstance();
        }

        @Test
        void generatedClientWritesReadsCorrectsImportsExportsErasesAndFetchesEvidence() throws Exception {
            Tenant tenant = fixtures.tenant();
            String admin = fixtures.token(tenant, Role.CUSTOMER_ADMIN);
            Observed seen = flow().run("https://localhost:" + port, http(), admin, Fixtures.unique("subject"));

            assertThat(seen.tokenRole()).isEqualTo("CUSTOMER_ADMIN");
            assertThat(seen.secretShown()).isTrue();
            assertThat(seen.createdVersion()).isEqualTo(1);
            assertThat(seen.readEmail()).isEqualTo("ada@example.org");
            assertThat(seen.correctedVersion()).isEqualTo(2);
            assertThat(seen.correctedEmail()).isEqualTo("ada@example.net");
            assertThat(seen.imported()).isEqualTo(1);
            assertThat(seen.exportedEmails()).containsExactlyInAnyOrder("ada@example.net", "grace@example.org");
            assertThat(seen.erasedSubjectRef()).isNotBlank();
            assertThat(seen.readAfterErasure()).isBetween(400, 499);
            assertThat(seen.problemType()).startsWith("urn:steward:problem:");
            assertThat(seen.problemMediaType()).startsWith("application/problem+json");
            assertThat(seen.bundleState()).isEqualTo("READY");
            VerificationReport report = BundleVerifier.verify(seen.bundleZip(), logs.vkey());
            assertThat(report.failure()).isNull();
            assertThat(report.ok()).isTrue();
            assertThat(Files.size(seen.bundleZip())).isPositive();
            assertThat(seen.secondDownload()).isEqualTo(410);
            assertThat(seen.secondDownloadType()).isEqualTo("urn:steward:problem:bundle-gone");
        }

        /** The generated client's HTTP client: trusts the test server's self-signed certificate. */
        private static HttpClient.Builder http() {
            return HttpClient.newBuilder().sslContext(ApiClient.trustAll()).sslParameters(noHostnameCheck());
        }

        private static SSLParameters noHostnameCheck() {
            SSLParameters p = new SSLParameters();
            p.setEndpointIdentificationAlgorithm(null);
            return p;
        }
    }
}
