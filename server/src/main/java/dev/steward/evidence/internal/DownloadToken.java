package dev.steward.evidence.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.UUID;

import dev.steward.platform.Secrets;

/**
 * A bundle's single-use download token, as issued: the secret goes into the link shown once, only
 * its digest is stored. Spending it is the bundle's move from READY to DOWNLOADED, a conditional
 * update that only one download wins.
 *
 * @param secret 256 random bits, base64url ({@link Secrets#randomToken})
 * @param hash the lower-case hex SHA-256 of the secret, the only form that is stored
 */
public record DownloadToken(String secret, String hash) {

    /** A fresh token. */
    public static DownloadToken issue() {
        String secret = Secrets.randomToken();
        return new DownloadToken(secret, Secrets.sha256Hex(secret));
    }

    /**
     * Whether {@code presented} is the token whose digest is {@code storedHash}, compared in constant
     * time; false when either is missing (a bundle that was never issued a token).
     */
    public static boolean verify(String presented, String storedHash) {
        if (presented == null || storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(Secrets.sha256Hex(presented).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** The API link that downloads the bundle with this token. */
    public String link(UUID bundleId) {
        return "/api/v1/evidence/bundles/" + bundleId + "/download?token=" + secret;
    }

    @Override
    public String toString() {
        return "DownloadToken[hash=" + hash + "]";
    }
}
