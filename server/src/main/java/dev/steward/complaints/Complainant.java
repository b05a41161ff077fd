package dev.steward.complaints;

import java.util.regex.Pattern;

import dev.steward.platform.InvalidField;

/**
 * Who complained, as they gave it: personal data, sealed at rest with the complaint. Either part may
 * be missing (a letter without an email address), not both.
 */
public record Complainant(String name, String email) {

    /** One address, as {@code notices.PersonNotice} accepts it. */
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s,;<>]{1,64}@[^@\\s,;<>]{1,253}\\.[^@\\s,;<>]{2,63}");
    private static final int MAX_NAME = 200;

    /** The complainant from untrusted input; {@code prefix} names the fields ({@code complainant.email}). */
    public static Complainant of(String name, String email, String prefix) {
        String n = name == null || name.isBlank() ? null : name.strip();
        String e = email == null || email.isBlank() ? null : email.strip();
        if (n != null && (n.length() > MAX_NAME || n.codePoints().anyMatch(Character::isISOControl))) {
            throw new InvalidField(prefix + "name", "must be at most " + MAX_NAME + " characters without control characters");
        }
        if (e != null && (e.length() > 254 || !ADDRESS.matcher(e).matches())) {
            throw new InvalidField(prefix + "email", "must be one email address");
        }
        if (n == null && e == null) {
            throw new InvalidField(prefix + "name", "give the complainant's name or email address: someone must be answered");
        }
        return new Complainant(n, e);
    }

    public boolean hasEmail() {
        return email != null;
    }
}
