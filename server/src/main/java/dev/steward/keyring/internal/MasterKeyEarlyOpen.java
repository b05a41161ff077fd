package dev.steward.keyring.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

import dev.steward.keys.KeysException;
import dev.steward.keys.local.LocalMasterKey;

/**
 * Starts opening an existing master key as soon as the configuration is known, before the
 * application context is even created: its key derivation is deliberately slow, and the context,
 * the database pool and the migrations get ready meanwhile on the other core. Only an existing key
 * file is opened this early; creating one needs the database (see {@link MasterKeys#open}), so a
 * first start only loads the crypto library early and creates the key in
 * {@link KeyringConfiguration#masterKey}.
 */
public final class MasterKeyEarlyOpen implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final String DATA_DIR = "${steward.data-dir:./data}";
    static final String PASSPHRASE = "${steward.keys.master-passphrase:${STEWARD_MASTER_PASSPHRASE:}}";
    static final String GENERATE = "${steward.keys.generate-passphrase:true}";

    /** What an opening was started with: the bean uses it only if it would open the same key the same way. */
    record Request(Path keysDir, String passphrase, boolean generate) {

        static Request of(Path dataDir, String passphrase, boolean generate) {
            return new Request(dataDir.resolve("keys").toAbsolutePath().normalize(), passphrase, generate);
        }
    }

    private static final Map<Request, OpeningMasterKey> STARTED = new ConcurrentHashMap<>();

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        Request request = Request.of(Path.of(env.resolvePlaceholders(DATA_DIR)), env.resolvePlaceholders(PASSPHRASE),
                Boolean.parseBoolean(env.resolvePlaceholders(GENERATE)));
        if (Files.exists(request.keysDir().resolve("master.keyset"))) {
            STARTED.put(request, open(request, false));
        } else {
            // Creating the key must wait for the database (see above); its crypto library need not.
            Thread.ofPlatform().daemon().name("master-key-prepare").start(MasterKeyEarlyOpen::prepareQuietly);
        }
    }

    private static void prepareQuietly() {
        try {
            LocalMasterKey.prepare();
        } catch (RuntimeException e) {
            // Only a head start: creating the key meets the same failure and reports it.
        }
    }

    /** The opening started for exactly this request, if any; each is handed out once. */
    static Optional<OpeningMasterKey> take(Request request) {
        return Optional.ofNullable(STARTED.remove(request));
    }

    static boolean started(Request request) {
        return STARTED.containsKey(request);
    }

    static OpeningMasterKey open(Request request, boolean wrappedKeysExist) {
        return new OpeningMasterKey(() -> {
            try {
                return MasterKeys.open(request.keysDir(), request.passphrase(), request.generate(), wrappedKeysExist);
            } catch (KeysException e) {
                throw new IllegalStateException("Steward cannot start: " + e.getMessage(), e);
            }
        });
    }
}
