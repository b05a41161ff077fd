package dev.steward.identity.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import dev.steward.platform.Secrets;

/**
 * The text of a one-time link: tenant id, invitation id and a 256-bit secret, base64url. The
 * tenant id lets an unauthenticated page find the row under row-level security; only
 * SHA-256 of the secret is stored, and comparing it takes constant time.
 */
public record InvitationToken(UUID tenantId, UUID invitationId, byte[] secret) {

    private static final int LENGTH = 16 + 16 + 32;

    public static InvitationToken fresh(UUID tenantId, UUID invitationId) {
        return new InvitationToken(tenantId, invitationId, Secrets.randomBytes());
    }

    public static Optional<InvitationToken> parse(String text) {
        if (text == null || text.length() != 86) {
            return Optional.empty();
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(text.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length != LENGTH) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(raw);
        UUID tenant = new UUID(b.getLong(), b.getLong());
        UUID id = new UUID(b.getLong(), b.getLong());
        byte[] secret = new byte[32];
        b.get(secret);
        return Optional.of(new InvitationToken(tenant, id, secret));
    }

    public String text() {
        ByteBuffer b = ByteBuffer.allocate(LENGTH);
        b.putLong(tenantId.getMostSignificantBits()).putLong(tenantId.getLeastSignificantBits());
        b.putLong(invitationId.getMostSignificantBits()).putLong(invitationId.getLeastSignificantBits());
        b.put(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    public String secretHash() {
        return Secrets.sha256Hex(secret);
    }

    public boolean matches(String storedHash) {
        return MessageDigest.isEqual(secretHash().getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "InvitationToken[" + invitationId + "]";
    }
}
