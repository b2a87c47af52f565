package io.tokengovernor.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/**
 * The same server on PostgreSQL ({@code TOKEN_GOV_DB_KIND=postgresql}) instead of its SQLite file: a fresh
 * database, the server restarted on it, and the system tests that exercise storage hardest run again unchanged —
 * the ledger with 64 concurrent clients and kill-free idempotency, reservations and preemption, the scheduler
 * with window resets and packages, and the simulation parity over three days of calls. Afterwards the server
 * goes back to SQLite and the database is dropped.
 *
 * <p>PostgreSQL is expected at {@code governor.pg.host}:{@code governor.pg.port} (127.0.0.1:5432), user
 * {@code postgres} without a password, as on the CI machine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresqlIT {

    private static final String HOST = System.getProperty("governor.pg.host", "127.0.0.1");
    private static final String PORT = System.getProperty("governor.pg.port", "5432");
    private static final String USER = System.getProperty("governor.pg.user", "postgres");
    private static final String DATABASE = "tokengov_it_" + ProcessHandle.current().pid();
    private static final List<String> SWITCH = List.of("TOKEN_GOV_DB_KIND=postgresql",
            "TOKEN_GOV_PG_HOST=" + HOST, "TOKEN_GOV_PG_PORT=" + PORT, "TOKEN_GOV_PG_USER=" + USER,
            "TOKEN_GOV_PG_DATABASE=" + DATABASE);

    @BeforeAll
    void serverOnAFreshPostgresqlDatabase() throws Exception {
        TestServerSettings.ensureApplied();
        admin("DROP DATABASE IF EXISTS " + DATABASE);
        admin("CREATE DATABASE " + DATABASE);
        Path env = TestServerSettings.SERVER_DIR.resolve("server.env");
        List<String> lines = new ArrayList<>(Files.readAllLines(env));
        lines.addAll(SWITCH);
        Files.write(env, lines);
        ServerProcess.restart();
        assertThat(GovernorApi.get("/health").body()).as("the server runs on PostgreSQL").contains("PostgreSQL");
    }

    @AfterAll
    void backOnSqlite() throws Exception {
        Path env = TestServerSettings.SERVER_DIR.resolve("server.env");
        List<String> lines = new ArrayList<>(Files.readAllLines(env));
        lines.removeAll(SWITCH);
        Files.write(env, lines);
        ServerProcess.restart();
        admin("DROP DATABASE IF EXISTS " + DATABASE);
        assertThat(GovernorApi.get("/health").body()).contains("SQLite");
    }

    private static void admin(String sql) throws SQLException {
        String url = "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new SQLException("PostgreSQL is needed at " + url + " (user " + USER + ", no password): "
                    + e.getMessage(), e);
        }
    }

    @Nested
    class Ledger extends UsageLedgerIT {
    }

    @Nested
    class Inspector extends InspectorFlowIT {
    }

    @Nested
    class Scheduler extends SchedulerIT {
    }

    @Nested
    class Windows extends WindowResetIT {
    }

    @Nested
    class Parity extends SimulationParityIT {
    }

    @Nested
    class Registry extends TaskApiIT {
    }
}
