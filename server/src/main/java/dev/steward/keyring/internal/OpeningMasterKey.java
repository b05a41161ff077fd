package dev.steward.keyring.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import dev.steward.keys.MasterKeyService;
import dev.steward.keys.WrappedKeyset;

/**
 * A master key being opened on a thread of its own: every call waits until it is open, and fails
 * as the opening failed.
 */
final class OpeningMasterKey implements MasterKeyService {

    private final CompletableFuture<MasterKeyService> opening;

    OpeningMasterKey(Supplier<? extends MasterKeyService> open) {
        this.opening = CompletableFuture.<MasterKeyService>supplyAsync(open::get,
                task -> Thread.ofPlatform().name("master-key-open").daemon().start(task));
    }

    /** Waits for the key; rethrows the opening's failure as it was thrown. */
    MasterKeyService opened() {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    @Override
    public String currentVersion() {
        return opened().currentVersion();
    }

    @Override
    public WrappedKeyset wrap(byte[] keyset, byte[] associatedData) {
        return opened().wrap(keyset, associatedData);
    }

    @Override
    public byte[] unwrapSecret(WrappedKeyset wrapped, byte[] associatedData) {
        return opened().unwrapSecret(wrapped, associatedData);
    }

    @Override
    public String rotate() {
        return opened().rotate();
    }

    @Override
    public void retire(String version) {
        opened().retire(version);
    }

    @Override
    public String describe() {
        return opening.isDone() && !opening.isCompletedExceptionally() ? opened().describe() : "local master key (opening)";
    }
}
