package dev.steward.identity;

import java.util.Locale;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.steward.platform.InvalidField;

/**
 * The minimum password policy (NIST SP 800-63B style): long enough, not too long for the hash,
 * not the username, not a well-known password, not one repeated character.
 */
@Component
public class PasswordPolicy {

    private static final Set<String> COMMON = Set.of("password", "password1", "password123", "123456789012",
            "qwertyuiopas", "iloveyou1234", "letmein12345", "administrator", "changeme1234", "welcome12345",
            "steward12345", "passw0rd1234", "qwerty123456", "111111111111", "abc123456789");

    private final int minLength;

    PasswordPolicy(@Value("${steward.security.password-min-length:12}") int minLength) {
        this.minLength = minLength;
    }

    public void check(String field, String password, String username) {
        if (password == null || password.length() < minLength) {
            throw new InvalidField(field, "must be at least " + minLength + " characters");
        }
        if (password.length() > 128) {
            throw new InvalidField(field, "must be at most 128 characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw new InvalidField(field, "must not contain the username");
        }
        if (COMMON.contains(lower) || lower.chars().distinct().count() < 4) {
            throw new InvalidField(field, "is too easy to guess");
        }
    }
}
