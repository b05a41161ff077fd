package dev.steward.keys.local;

import java.nio.file.Path;

/** Creates local master key files with a cheap KDF, so tests do not spend seconds deriving keys. */
public final class TestMasterKeys {

    public static final int CHEAP_ITERATIONS = 1_000;

    private TestMasterKeys() {
    }

    public static LocalMasterKey create(Path file, char[] passphrase) {
        return LocalMasterKey.create(file, passphrase, CHEAP_ITERATIONS);
    }
}
