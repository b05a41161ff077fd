package dev.steward.platform;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The data scope of the current thread. Set by the web layer once the caller is authenticated,
 * and explicitly by background work; read by {@link ScopedDataSource} whenever a transaction begins,
 * so PostgreSQL's row-level security sees the same tenant the code believes it works for.
 */
public final class TenantScope {

    private static final ThreadLocal<DataScope> CURRENT = new ThreadLocal<>();

    private TenantScope() {
    }

    public static Optional<DataScope> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The current scope; fails when code touches tenant data without one. */
    public static DataScope required() {
        DataScope scope = CURRENT.get();
        if (scope == null) {
            throw new IllegalStateException("no tenant scope: tenant data must not be touched outside one");
        }
        return scope;
    }

    public static <T> T call(DataScope scope, Supplier<T> work) {
        DataScope previous = CURRENT.get();
        CURRENT.set(scope);
        try {
            return work.get();
        } finally {
            restore(previous);
        }
    }

    public static void run(DataScope scope, Runnable work) {
        call(scope, () -> {
            work.run();
            return null;
        });
    }

    static void set(DataScope scope) {
        CURRENT.set(scope);
    }

    static void clear() {
        CURRENT.remove();
    }

    private static void restore(DataScope previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }
}
