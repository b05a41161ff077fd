package dev.steward.support;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server the tests use, and the administrative database through which they create
 * and drop databases of their own: {@code jdbc:postgresql://127.0.0.1:5432/test} as {@code postgres}
 * (trust authentication) unless the environment variable {@code STEWARD_TEST_PG_URL} (or the system
 * property {@code steward.test.pg-url}) names another, e.g.
 * {@code jdbc:postgresql://db.example:6432/test?user=admin&password=secret}. Its {@code user} and
 * {@code password} are the administrator's, used for administration and migrations only: the
 * servers under test connect to their own databases as the unprivileged application role.
 */
public final class TestPostgres {

    public static final String VARIABLE = "STEWARD_TEST_PG_URL";
    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/?]+)/([^?]*)(?:\\?(.*))?");
    private static final TestPostgres CONFIGURED = parse(configuredUrl());

    private final String hostPort;
    private final String adminDatabase;
    private final String adminUser;
    private final String adminPassword;
    /** The URL's parameters other than the credentials, kept on every database's URL (ssl settings, ...). */
    private final List<String> parameters;

    private TestPostgres(String hostPort, String adminDatabase, String adminUser, String adminPassword,
            List<String> parameters) {
        this.hostPort = hostPort;
        this.adminDatabase = adminDatabase;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.parameters = parameters;
    }

    /** The server of this test run. */
    public static TestPostgres configured() {
        return CONFIGURED;
    }

    static TestPostgres parse(String url) {
        Matcher m = URL.matcher(url);
        if (!m.matches() || m.group(2).isEmpty()) {
            throw new IllegalArgumentException(VARIABLE + " must look like jdbc:postgresql://HOST:PORT/DATABASE[?user=...]"
                    + ", not " + url);
        }
        String user = "postgres";
        String password = "";
        List<String> rest = new ArrayList<>();
        if (m.group(3) != null) {
            for (String parameter : m.group(3).split("&")) {
                String[] kv = parameter.split("=", 2);
                String value = kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
                switch (kv[0]) {
                    case "user" -> user = value;
                    case "password" -> password = value;
                    default -> rest.add(parameter);
                }
            }
        }
        return new TestPostgres(m.group(1), m.group(2), user, password, List.copyOf(rest));
    }

    private static String configuredUrl() {
        String property = System.getProperty("steward.test.pg-url");
        if (property != null && !property.isBlank()) {
            return property;
        }
        String variable = System.getenv(VARIABLE);
        return variable == null || variable.isBlank() ? DEFAULT_URL : variable;
    }

    /** {@code host:port} of the server. */
    public String hostPort() {
        return hostPort;
    }

    public String host() {
        int colon = hostPort.lastIndexOf(':');
        return colon < 0 ? hostPort : hostPort.substring(0, colon);
    }

    public int port() {
        int colon = hostPort.lastIndexOf(':');
        return colon < 0 ? 5432 : Integer.parseInt(hostPort.substring(colon + 1));
    }

    /** The same credentials and administrative database on another server (a Citus worker). */
    public TestPostgres at(String otherHostPort) {
        return new TestPostgres(otherHostPort, adminDatabase, adminUser, adminPassword, parameters);
    }

    public String adminUser() {
        return adminUser;
    }

    public String adminPassword() {
        return adminPassword;
    }

    /** The URL of {@code database} on this server, without credentials; {@code extra} parameters appended. */
    public String url(String database, String... extra) {
        List<String> all = new ArrayList<>(parameters);
        all.addAll(List.of(extra));
        return "jdbc:postgresql://" + hostPort + "/" + database + (all.isEmpty() ? "" : "?" + String.join("&", all));
    }

    /** The URL of {@code database} with the administrator's credentials in it, for code that takes only a URL. */
    public String urlWithCredentials(String database) {
        return url(database, "user=" + java.net.URLEncoder.encode(adminUser, StandardCharsets.UTF_8),
                "password=" + java.net.URLEncoder.encode(adminPassword, StandardCharsets.UTF_8));
    }

    /** A connection to {@code database} as the administrator. */
    public Connection connectAsAdmin(String database) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", adminUser);
        credentials.setProperty("password", adminPassword);
        return DriverManager.getConnection(url(database), credentials);
    }

    /** A connection to the administrative database, from which databases are created and dropped. */
    public Connection connectAsAdmin() throws SQLException {
        return connectAsAdmin(adminDatabase);
    }

    @Override
    public String toString() {
        return url(adminDatabase) + " as " + adminUser;
    }
}
