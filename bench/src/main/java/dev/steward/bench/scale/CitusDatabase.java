package dev.steward.bench.scale;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database of the benchmark's own on a running Citus cluster, formed as the tested set-up forms one
 * (docs/operations.md): the database and the extension on every node, the workers added on the
 * coordinator. The cluster is named by its coordinator's URL (the database the cluster was formed in,
 * whose pg_dist_node lists the workers), as scripts/citus-cluster.sh prints it.
 */
final class CitusDatabase implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/:?]+):(\\d+)/([^?]+)(\\?.*)?");

    private final String host;
    private final int port;
    private final String parameters;
    private final String name;
    private final String clusterDb;
    private final List<Integer> workerPorts = new ArrayList<>();

    CitusDatabase(String coordinatorUrl, String name) throws SQLException {
        Matcher m = URL.matcher(coordinatorUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://HOST:PORT/DB URL: " + coordinatorUrl);
        }
        this.host = m.group(1);
        this.port = Integer.parseInt(m.group(2));
        this.parameters = m.group(4) == null ? "" : m.group(4);
        this.name = name;
        try (Connection c = DriverManager.getConnection(coordinatorUrl); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT nodeport FROM pg_dist_node WHERE groupid <> 0 AND noderole = 'primary'"
                        + " ORDER BY nodeport")) {
            while (rs.next()) {
                workerPorts.add(rs.getInt(1));
            }
        }
        String clusterDb = m.group(3);
        List<Integer> nodes = new ArrayList<>(List.of(port));
        nodes.addAll(workerPorts);
        for (int node : nodes) {
            run(node, clusterDb, "CREATE DATABASE " + name);
            run(node, name, "CREATE EXTENSION citus");
        }
        run(port, name, "SELECT citus_set_coordinator_host('" + host + "', " + port + ")");
        for (int worker : workerPorts) {
            run(port, name, "SELECT citus_add_node('" + host + "', " + worker + ")");
        }
        this.clusterDb = clusterDb;
    }

    String url() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name + parameters;
    }

    int workers() {
        return workerPorts.size();
    }

    private void run(int node, String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + node + "/" + database + parameters);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        List<Integer> nodes = new ArrayList<>(List.of(port));
        nodes.addAll(workerPorts);
        for (int node : nodes) {
            run(node, clusterDb, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
