package dev.steward.identity.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * The text of a one-time link: tenant id, invitation id and a 256-bit secret, base64url. The
 * tenant id lets an unauthenticated page find the row under row-level security; only
 * SHA-256 of the secret is stored, and comparing it takes constant time.
 */
public record InvitationToken(UUID tenantId, UUID invitationId, byte[] secret) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int LENGTH = 16 + 16 + 32;

    public static InvitationToken fresh(UUID tenantId, UUID invitationId) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new InvitationToken(tenantId, invitationId, secret);
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
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
