package dev.steward.identity;

import static org.assertj.core.api.Assertions.assertThat;

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
}
