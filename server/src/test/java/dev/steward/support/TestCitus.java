package dev.steward.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Citus cluster the storage tests also run on, when {@code STEWARD_TEST_CITUS_URL} (or the system
 * property {@code steward.test.citus-url}) names its coordinator, e.g.
 * {@code jdbc:postgresql://127.0.0.1:55432/steward?user=postgres} as {@code ./steward test} exports it
 * (scripts/citus-cluster.sh). The database of the URL is the one the cluster was formed in: the
 * coordinator's {@code pg_dist_node} there lists the workers, and the roles were created there after
 * the workers joined. Each test context gets a database of its own on every node, joined the same way.
 */
public final class TestCitus {

    public static final String VARIABLE = "STEWARD_TEST_CITUS_URL";
    private static final Optional<TestCitus> CONFIGURED = configuredUrl().map(url -> new TestCitus(TestPostgres.parse(url)));

    private final TestPostgres coordinator;

    private TestCitus(TestPostgres coordinator) {
        this.coordinator = coordinator;
    }

    /** The cluster of this test run, if there is one. */
    public static Optional<TestCitus> configured() {
        return CONFIGURED;
    }

    public static TestCitus required() {
        return CONFIGURED.orElseThrow(() -> new IllegalStateException(VARIABLE + " is not set"));
    }

    private static Optional<String> configuredUrl() {
        String property = System.getProperty("steward.test.citus-url");
        if (property != null && !property.isBlank()) {
            return Optional.of(property);
        }
        String variable = System.getenv(VARIABLE);
        return variable == null || variable.isBlank() ? Optional.empty() : Optional.of(variable);
    }

    public TestPostgres coordinator() {
        return coordinator;
    }

    /** Creates {@code name} on the coordinator and every worker, with the extension, and joins the workers to it. */
    public void createDatabase(String name) {
        List<String> workers = workers();
        List<String> nodes = new ArrayList<>();
        nodes.add(coordinator.hostPort());
        nodes.addAll(workers);
        for (String node : nodes) {
            onNode(node, null, "CREATE DATABASE " + name);
            onNode(node, name, "CREATE EXTENSION citus");
        }
        onNode(coordinator.hostPort(), name, "SELECT citus_set_coordinator_host('" + coordinator.host() + "', "
                + coordinator.port() + ")");
        for (String worker : workers) {
            int colon = worker.lastIndexOf(':');
            onNode(coordinator.hostPort(), name, "SELECT citus_add_node('" + worker.substring(0, colon) + "', "
                    + worker.substring(colon + 1) + ")");
        }
    }

    public void dropDatabase(String name) {
        List<String> nodes = new ArrayList<>();
        nodes.add(coordinator.hostPort());
        nodes.addAll(workers());
        for (String node : nodes) {
            onNode(node, null, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /** host:port of each worker, as the coordinator lists them in the cluster's own database. */
    public List<String> workers() {
        List<String> workers = new ArrayList<>();
        try (Connection c = coordinator.connectAsAdmin(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT nodename, nodeport FROM pg_dist_node WHERE groupid <> 0"
                        + " AND noderole = 'primary' ORDER BY nodeport")) {
            while (rs.next()) {
                workers.add(rs.getString(1) + ":" + rs.getInt(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the workers of the Citus cluster at " + coordinator + ": "
                    + e.getMessage(), e);
        }
        return workers;
    }

    private void onNode(String hostPort, String database, String sql) {
        TestPostgres node = coordinator.at(hostPort);
        // Every node has the cluster's own database (scripts/citus-cluster.sh creates it on each).
        try (Connection c = database == null ? node.connectAsAdmin() : node.connectAsAdmin(database);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " on Citus node " + hostPort + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "Citus at " + coordinator;
    }
}
