package dev.steward.ledger.verify;

import java.nio.charset.StandardCharsets;

/**
 * The value of the top-level {@code "tenant"} string member of a JSON object entry, read without a
 * JSON library: the scanner skips every other value whole (strings with escapes, nested objects and
 * arrays), so a {@code "tenant"} inside a nested value or a string is never taken for the entry's own.
 */
final class EntryTenant {

    private final byte[] s;
    private int at;

    private EntryTenant(byte[] s) {
        this.s = s;
    }

    /** @return the tenant, or null if the entry is not a JSON object with exactly one string member "tenant" */
    static String of(byte[] entry) {
        try {
            return new EntryTenant(entry).object();
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    private String object() {
        ws();
        expect('{');
        String tenant = null;
        int found = 0;
        ws();
        if (peek() == '}') {
            return null;
        }
        while (true) {
            ws();
            String key = string();
            ws();
            expect(':');
            ws();
            if (key.equals("tenant")) {
                found++;
                tenant = peek() == '"' ? string() : null;
                if (tenant == null) {
                    value();
                }
            } else {
                value();
            }
            ws();
            byte c = next();
            if (c == '}') {
                break;
            }
            if (c != ',') {
                throw new IllegalArgumentException();
            }
        }
        ws();
        return at == s.length && found == 1 ? tenant : null;
    }

    private void value() {
        byte c = peek();
        switch (c) {
            case '"' -> string();
            case '{', '[' -> nested();
            default -> {
                while (at < s.length && ",}] \t\r\n".indexOf(s[at]) < 0) {
                    at++;
                }
            }
        }
    }

    /** Skips a nested object or array, minding strings. */
    private void nested() {
        int depth = 0;
        do {
            byte c = peek();
            if (c == '"') {
                string();
                continue;
            }
            at++;
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        } while (depth > 0);
    }

    private String string() {
        expect('"');
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        while (true) {
            byte c = next();
            if (c == '"') {
                return out.toString(StandardCharsets.UTF_8);
            }
            if (c != '\\') {
                out.write(c);
                continue;
            }
            byte e = next();
            switch (e) {
                case 'u' -> {
                    String hex = new String(s, at, 4, StandardCharsets.US_ASCII);
                    at += 4;
                    out.writeBytes(String.valueOf((char) Integer.parseInt(hex, 16)).getBytes(StandardCharsets.UTF_8));
                }
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case 'r' -> out.write('\r');
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                default -> out.write(e);
            }
        }
    }

    private void ws() {
        while (at < s.length && (s[at] == ' ' || s[at] == '\t' || s[at] == '\n' || s[at] == '\r')) {
            at++;
        }
    }

    private void expect(char c) {
        if (next() != c) {
            throw new IllegalArgumentException();
        }
    }

    private byte peek() {
        if (at >= s.length) {
            throw new IllegalArgumentException();
        }
        return s[at];
    }

    private byte next() {
        byte c = peek();
        at++;
        return c;
    }
}
