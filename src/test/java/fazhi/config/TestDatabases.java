package fazhi.config;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The database servers the job-repository tests run against. Where a container engine answers, Testcontainers
 * starts one (PostgreSQL and MariaDB images, once per test JVM); otherwise the machine's own service on
 * 127.0.0.1 (PostgreSQL on 5432, trust auth, database test; MariaDB on 3306, root without a password, database
 * test), as on our build machines. The same test code runs on either; each test prints which one it got and
 * names it in its display name. Neither there: the test fails and says how to start one, it never skips.
 */
public final class TestDatabases {
    private TestDatabases() {
    }

    /** A server kind, and how to reach or start one. */
    public enum Server {
        POSTGRESQL("PostgreSQL", "postgres:17-alpine", "127.0.0.1", 5432, "test", "user=postgres",
                "start the machine's PostgreSQL (`pg_ctlcluster VERSION main start`, or run .ci/prerequisites as root) "
                        + "so that `psql -h 127.0.0.1 -U postgres -d test` answers without a password, "
                        + "or start a container engine (Docker) for Testcontainers"),
        MARIADB("MariaDB", "mariadb:11.4", "127.0.0.1", 3306, "test", "user=root",
                "start the machine's MariaDB (`start-stop-daemon --start --oknodo --background --exec "
                        + "/usr/sbin/mariadbd`, or run .ci/prerequisites as root) so that "
                        + "`mariadb -h 127.0.0.1 -u root test` answers without a password, "
                        + "or start a container engine (Docker) for Testcontainers");

        final String label;
        final String image;
        final String localHost;
        final int localPort;
        final String database;
        final String localCredentials;
        final String howToStart;

        Server(String label, String image, String localHost, int localPort, String database, String localCredentials,
               String howToStart) {
            this.label = label;
            this.image = image;
            this.localHost = localHost;
            this.localPort = localPort;
            this.database = database;
            this.localCredentials = localCredentials;
            this.howToStart = howToStart;
        }

        /** The server, its container started on first use; an AssertionError saying how to start one if none answers. */
        public Reached reach() {
            return TestDatabases.reach(this);
        }

        /** "PostgreSQL in a Testcontainers container" or "MariaDB, the machine's service on 127.0.0.1:3306". */
        public String describe() {
            try {
                return reach().source();
            } catch (AssertionError unavailable) {
                return label + ", not available";
            }
        }

        /** A fresh, empty schema (PostgreSQL) or database (MariaDB) of its own; dropped when closed. */
        public Scratch scratch() {
            Reached server = reach();
            String name = "fazhi_test_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
            System.out.println("test database: " + server.source() + ", " + (this == POSTGRESQL ? "schema " : "database ")
                    + name);
            server.execute(this == POSTGRESQL ? "CREATE SCHEMA " + name : "CREATE DATABASE " + name);
            String url = this == POSTGRESQL
                    ? server.base() + database + "?" + server.credentials() + "&currentSchema=" + name
                    : server.base() + name + "?" + server.credentials();
            return new Scratch(url, name, () -> server.execute(this == POSTGRESQL ? "DROP SCHEMA IF EXISTS " + name + " CASCADE"
                    : "DROP DATABASE IF EXISTS " + name));
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * A reachable server: {@code base} is the URL up to the database name ({@code jdbc:mariadb://host:port/}),
     * {@code credentials} its query parameters.
     */
    public record Reached(Server server, String base, String credentials, String source) {
        String adminUrl() {
            return base + server.database + "?" + credentials;
        }

        void execute(String sql) {
            try (Connection c = DriverManager.getConnection(adminUrl()); Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new AssertionError(sql + " on " + source + ": " + e.getMessage(), e);
            }
        }
    }

    /** A job repository database of one test: its JDBC URL, its schema or database name, and how to drop it. */
    public record Scratch(String url, String name, Runnable drop) implements AutoCloseable {
        @Override
        public void close() {
            drop.run();
        }
    }

    /**
     * Where a test's job repository lives: the default H2 file inside the warehouse, or a scratch schema or
     * database on a server. {@link #url} is what to pass as --job-repository (null: the default).
     */
    public enum JobRepository {
        FILE(null), POSTGRESQL(Server.POSTGRESQL), MARIADB(Server.MARIADB);

        final Server server;

        JobRepository(Server server) {
            this.server = server;
        }

        /** For a display name: which database, and for a server, where it came from. */
        public String describe() {
            return server == null ? "H2 file in the warehouse" : server.describe();
        }

        /** The repository of one test; {@code warehouse} is where the H2 file goes for FILE. */
        public Scratch open(Path warehouse) {
            if (server == null) {
                String url = "jdbc:h2:file:" + warehouse.resolve("_jobrepo/fazhi") + ";DB_CLOSE_ON_EXIT=FALSE";
                return new Scratch(url, "PUBLIC", () -> { });
            }
            return server.scratch();
        }
    }

    /** A JDBC connection to a repository's URL (H2 needs its user; an H2 file must exist already). */
    public static Connection connect(String url) throws SQLException {
        return url.startsWith("jdbc:h2:") ? DriverManager.getConnection(url + ";IFEXISTS=TRUE", "sa", "")
                : DriverManager.getConnection(url);
    }

    private static final Map<Server, Reached> REACHED = new EnumMap<>(Server.class);
    private static Boolean containerEngine;

    static synchronized boolean containerEngineAvailable() {
        if (containerEngine == null) {
            containerEngine = DockerClientFactory.instance().isDockerAvailable();
            System.out.println("test database: container engine " + (containerEngine ? "available: Testcontainers"
                    : "not available: the machine's services on 127.0.0.1"));
        }
        return containerEngine;
    }

    private static synchronized Reached reach(Server server) {
        Reached known = REACHED.get(server);
        if (known != null) {
            return known;
        }
        Reached reached = containerEngineAvailable() ? container(server) : local(server);
        REACHED.put(server, reached);
        return reached;
    }

    private static Reached container(Server server) {
        JdbcDatabaseContainer<?> container = server == Server.POSTGRESQL
                ? new PostgreSQLContainer(server.image)
                : new MariaDBContainer(server.image).withUsername("root");
        // stopped by Testcontainers' reaper when the test JVM ends
        container.start();
        String host = container.getHost() + ":" + container.getFirstMappedPort();
        String scheme = server == Server.POSTGRESQL ? "postgresql" : "mariadb";
        return new Reached(server, "jdbc:" + scheme + "://" + host + "/",
                "user=" + container.getUsername() + "&password=" + container.getPassword(),
                server.label + " in a Testcontainers container (" + server.image + ")");
    }

    private static Reached local(Server server) {
        String scheme = server == Server.POSTGRESQL ? "postgresql" : "mariadb";
        String hostPort = server.localHost + ":" + server.localPort;
        Reached reached = new Reached(server, "jdbc:" + scheme + "://" + hostPort + "/", server.localCredentials,
                server.label + ", the machine's service on " + hostPort + " (no container engine)");
        try (Connection c = DriverManager.getConnection(reached.adminUrl())) {
            return reached;
        } catch (SQLException e) {
            throw new AssertionError("no " + server.label + " for the job-repository tests: no container engine, and "
                    + reached.adminUrl() + " does not answer (" + e.getMessage() + "); " + server.howToStart, e);
        }
    }
}
