package dev.steward.identity;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

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

    /** Hashes ahead: passwords whose hash is being computed elsewhere, taken by the next {@link #hash} of each. */
    private final Map<String, CompletableFuture<String>> ahead = new ConcurrentHashMap<>();

    public String hash(String password) {
        CompletableFuture<String> started = ahead.remove(password);
        return started != null ? started.join() : encoder.encode(password);
    }

    /**
     * Starts hashing {@code password} on {@code executor}; the next {@link #hash} of the same password
     * waits for that result instead of hashing again. For the first start's generated passwords, whose
     * accounts can only be created once the application is almost up.
     */
    public void hashAhead(String password, Executor executor) {
        ahead.computeIfAbsent(password, p -> CompletableFuture.supplyAsync(() -> encoder.encode(p), executor));
    }

    public boolean matches(String password, String hash) {
        return encoder.matches(password, hash == null ? DECOY : hash);
    }
}
