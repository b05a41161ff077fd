package dev.steward.support;

/** Profiles that choose the database of an integration test's context. */
public final class Db {
    public static final String H2 = "h2";
    public static final String POSTGRES = "postgres";
    /** PostgreSQL reached through {@link TcpProxy#toPostgres()}, which a test can cut. */
    public static final String POSTGRES_VIA_PROXY = "postgres-proxy";
    /**
     * The coordinator of a three-node Citus cluster ({@link TestCitus}); classes with this profile carry
     * {@code @ExtendWith(CitusCondition.class)}, so they are skipped, loudly, when there is none.
     */
    public static final String CITUS = "citus";
    /** H2 in file mode under the run's data directory, as the embedded default runs (canary scans). */
    public static final String H2_FILE = "h2file";

    private Db() {
    }
}
