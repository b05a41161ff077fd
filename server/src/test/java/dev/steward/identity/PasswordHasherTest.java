package dev.steward.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void theDecoyForUnknownAccountsHasTheParametersOfARealHashSoItCostsTheSame() {
        String[] real = hasher.hash("correct horse battery staple").split("\\$");
        String[] decoy = PasswordHasher.DECOY.split("\\$");
        assertThat(decoy[1]).isEqualTo(real[1]); // argon2id
        assertThat(decoy[2]).isEqualTo(real[2]); // version
        assertThat(decoy[3]).isEqualTo(real[3]); // memory, iterations, lanes
        assertThat(decoy[4]).hasSameSizeAs(real[4]); // salt
        assertThat(decoy[5]).hasSameSizeAs(real[5]); // hash
    }

    @Test
    void anUnknownAccountNeverMatches() {
        assertThat(hasher.matches("decoy-password-never-used", null)).isFalse();
        assertThat(hasher.matches("", null)).isFalse();
        String hash = hasher.hash("s3cret-enough");
        assertThat(hasher.matches("s3cret-enough", hash)).isTrue();
        assertThat(hasher.matches("s3cret-enougH", hash)).isFalse();
    }

    @Test
    void aHashBegunAheadIsTakenOnceByTheNextHashOfThatPassword() {
        List<Runnable> queued = new ArrayList<>();
        hasher.hashAhead("generated-one-time", queued::add);
        assertThat(queued).hasSize(1);
        queued.getFirst().run(); // the executor computes it

        String taken = hasher.hash("generated-one-time");
        String again = hasher.hash("generated-one-time");

        assertThat(queued).hasSize(1);
        assertThat(hasher.matches("generated-one-time", taken)).isTrue();
        assertThat(again).as("the second hash is a new one, with its own salt").isNotEqualTo(taken);
        assertThat(hasher.matches("generated-one-time", again)).isTrue();
        assertThat(hasher.hash("another password")).startsWith("$argon2id$");
    }
}
