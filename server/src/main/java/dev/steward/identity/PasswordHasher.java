package dev.steward.identity;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/** Argon2id with OWASP's parameters (19 MiB, 2 iterations, 1 lane). */
@Component
public class PasswordHasher {

    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    /**
     * Compared against when the account does not exist, so timing does not reveal which usernames
     * exist: a hash with the encoder's own parameters, of a random password nobody kept. A constant,
     * because hashing at start-up costs the start a quarter of a second.
     */
    static final String DECOY = "$argon2id$v=19$m=19456,t=2,p=1$Te5+ZNtI8acNubI5D3b4Ug$"
            + "E42VpOoQPP4OWp1cRADmqbpw03Jxx7KivQS5R8zM+pY";

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return encoder.matches(password, hash == null ? DECOY : hash);
    }
}
