package dev.steward.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.steward.platform.Secrets;

/** The bundle download token: 256 random bits shown once, only their SHA-256 kept, verified in constant time. */
class DownloadTokenTest {

    @Test
    void anIssuedTokenVerifiesAgainstItsStoredDigestOnly() {
        DownloadToken token = DownloadToken.issue();
        assertThat(token.secret()).matches("[A-Za-z0-9_-]{43}");
        assertThat(token.hash()).isEqualTo(Secrets.sha256Hex(token.secret())).hasSize(64).doesNotContain(token.secret());
        assertThat(DownloadToken.verify(token.secret(), token.hash())).isTrue();

        DownloadToken other = DownloadToken.issue();
        assertThat(other.secret()).isNotEqualTo(token.secret());
        assertThat(DownloadToken.verify(other.secret(), token.hash())).isFalse();
        // the digest itself is no token: a stolen database does not download
        assertThat(DownloadToken.verify(token.hash(), token.hash())).isFalse();
    }

    @Test
    void aMissingTokenOrDigestNeverVerifies() {
        DownloadToken token = DownloadToken.issue();
        assertThat(DownloadToken.verify(null, token.hash())).isFalse();
        assertThat(DownloadToken.verify(token.secret(), null)).isFalse();
        assertThat(DownloadToken.verify("", Secrets.sha256Hex("x"))).isFalse();
    }

    @Test
    void theLinkCarriesTheSecretButItsTextDoesNot() {
        DownloadToken token = DownloadToken.issue();
        UUID id = UUID.randomUUID();
        assertThat(token.link(id)).isEqualTo("/api/v1/evidence/bundles/" + id + "/download?token=" + token.secret());
        assertThat(token.toString()).doesNotContain(token.secret()).contains(token.hash());
    }
}
