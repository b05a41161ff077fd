package dev.steward.keys;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Associated data: strings, each prefixed by its length, so no two different lists encode alike. */
final class Aad {

    private Aad() {
    }

    static byte[] of(String... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String field : fields) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            int n = bytes.length;
            out.write(n >>> 24);
            out.write(n >>> 16);
            out.write(n >>> 8);
            out.write(n);
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    static byte[] kek(TenantId tenant, KeyVersion version) {
        return of("steward/v1/kek", tenant.toString(), Integer.toString(version.value()));
    }

    static byte[] dataKey(TenantId tenant, SubjectRef subject) {
        return of("steward/v1/data-key", tenant.toString(), subject.hmac());
    }

    static byte[] pseudonymKey(TenantId tenant) {
        return of("steward/v1/pseudonym-key", tenant.toString());
    }
}
