package dev.steward.ledger.verify;

import java.util.List;

/**
 * What a bundle is verified against.
 *
 * @param trustedVkeys verifier keys obtained independently of the bundle (published by the provider,
 *     pinned by the customer); checkpoints must carry a valid signature by one of them
 * @param trustBundleKey accept the key inside the bundle when no trusted key is given: proves only
 *     that whoever made the bundle signed it, not that it is the provider's log
 * @param since a signed checkpoint the customer saved earlier: the bundle's log must extend it
 * @param expectedLog the log the customer expects (its id), or null to take the bundle's claim
 */
public record VerifyOptions(List<String> trustedVkeys, boolean trustBundleKey, byte[] since, String expectedLog) {

    public VerifyOptions {
        trustedVkeys = List.copyOf(trustedVkeys);
        since = since == null ? null : since.clone();
    }

    public static VerifyOptions trusting(String... vkeys) {
        return new VerifyOptions(List.of(vkeys), false, null, null);
    }

    public static VerifyOptions trustingBundleKey() {
        return new VerifyOptions(List.of(), true, null, null);
    }

    public VerifyOptions since(byte[] checkpoint) {
        return new VerifyOptions(trustedVkeys, trustBundleKey, checkpoint, expectedLog);
    }

    public VerifyOptions expectingLog(String log) {
        return new VerifyOptions(trustedVkeys, trustBundleKey, since, log);
    }
}
