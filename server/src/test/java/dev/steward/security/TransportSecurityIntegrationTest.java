package dev.steward.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.support.ApiClient;
import dev.steward.support.Db;
import dev.steward.support.IntegrationTestBase;

/** HTTPS only with TLS 1.2 or newer, and the strict security headers on API and console alike. */
@ActiveProfiles(Db.H2)
class TransportSecurityIntegrationTest extends IntegrationTestBase {

    @Test
    void tls12And13AreAcceptedAndOlderProtocolsRefused() throws Exception {
        assertThat(handshake("TLSv1.3")).isEqualTo("TLSv1.3");
        assertThat(handshake("TLSv1.2")).isEqualTo("TLSv1.2");
        assertThatThrownBy(() -> handshake("TLSv1.1")).isInstanceOf(javax.net.ssl.SSLException.class);
    }

    @Test
    void plainHttpIsNotServed() {
        var plain = new ApiClient("http://localhost:" + port).get(null, "/api/v1/ping");
        assertThat(plain.status()).isEqualTo(400);
        assertThat(plain.body()).doesNotContain("\"status\":\"ok\"");
    }

    @Test
    void everyResponseCarriesStrictSecurityHeaders() {
        for (String path : new String[] { "/api/v1/ping", "/api/v1/tenants", "/login" }) {
            var r = api.get(null, path);
            assertThat(r.header("Strict-Transport-Security")).as(path).contains("max-age=31536000").contains("includeSubDomains");
            String csp = r.header("Content-Security-Policy");
            assertThat(csp).as(path).contains("script-src 'self'").contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(r.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(r.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
            assertThat(r.header("X-Frame-Options")).as(path).isEqualTo("DENY");
        }
    }

    @Test
    void consoleSessionCookieIsSecureHttpOnlyAndStrict() {
        var r = api.send(null, "POST", "/login", null,
                java.util.Map.of("Content-Type", "application/x-www-form-urlencoded"));
        // Without a CSRF token the POST is refused; the session cookie set on the way is what we check.
        var cookies = r.headers().getOrDefault("set-cookie", java.util.List.of());
        assertThat(r.status()).isEqualTo(403);
        assertThat(cookies).allSatisfy(c -> assertThat(c).contains("Secure").contains("HttpOnly").contains("SameSite=Strict"));
    }

    private String handshake(String protocol) throws Exception {
        SSLContext ctx = ApiClient.trustAll();
        try (SSLSocket socket = (SSLSocket) ctx.getSocketFactory().createSocket("localhost", port)) {
            socket.setEnabledProtocols(new String[] { protocol });
            socket.startHandshake();
            return socket.getSession().getProtocol();
        }
    }
}
