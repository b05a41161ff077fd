package dev.steward.rights;

import java.util.regex.Pattern;

import dev.steward.platform.InvalidField;

/**
 * Who asked, as they gave it: personal data, sealed at rest with the request. Either part may be
 * missing (a letter without an email address; the customer's system naming only the subject).
 */
public record Requester(String name, String email) {

    private static final Pattern MAILBOX = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,253}\\.[^@\\s]{2,63}");

    public static final Requester NONE = new Requester(null, null);

    /** The requester from untrusted input; {@code prefix} names the fields ({@code requester.email}). */
    public static Requester of(String name, String email, String prefix) {
        String n = blankToNull(name);
        String e = blankToNull(email);
        if (n != null && (n.length() > 200 || n.chars().anyMatch(Character::isISOControl))) {
            throw new InvalidField(prefix + "name", "must be at most 200 characters, without control characters");
        }
        if (e != null && (e.length() > 254 || !MAILBOX.matcher(e).matches())) {
            throw new InvalidField(prefix + "email", "must be one email address");
        }
        return new Requester(n, e);
    }

    public boolean hasEmail() {
        return email != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
