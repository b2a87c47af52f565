package io.tokengovernor.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * <p>Which PostgreSQL: the one named with {@code -Dgovernor.pg.host}, else one already answering at
 * 127.0.0.1:{@code governor.pg.port} (5432) to user {@code postgres} without a password, else a real PostgreSQL 15
 * the suite starts itself from Maven's jars and stops afterwards ({@link TestPostgresql}). The console says which.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresqlIT {

    private static final String DATABASE = "tokengov_it_" + ProcessHandle.current().pid();

    private TestPostgresql postgresql;
    private boolean databaseCreated;
    private List<String> serverSwitch;

    @BeforeAll
    void serverOnAFreshPostgresqlDatabase() throws Exception {
        TestServerSettings.ensureApplied();
        postgresql = TestPostgresql.find();
        System.out.println("[PostgresqlIT] the server runs on " + postgresql.describe());
        postgresql.execute("DROP DATABASE IF EXISTS " + DATABASE);
        postgresql.execute("CREATE DATABASE " + DATABASE);
        databaseCreated = true;
        serverSwitch = List.of("TOKEN_GOV_DB_KIND=postgresql", "TOKEN_GOV_PG_HOST=" + postgresql.host,
                "TOKEN_GOV_PG_PORT=" + postgresql.port, "TOKEN_GOV_PG_USER=" + postgresql.user,
                "TOKEN_GOV_PG_DATABASE=" + DATABASE);
        Path env = TestServerSettings.SERVER_DIR.resolve("server.env");
        List<String> lines = new ArrayList<>(Files.readAllLines(env));
        lines.addAll(serverSwitch);
        Files.write(env, lines);
        ServerProcess.restart();
        assertThat(GovernorApi.get("/health").body()).as("the server runs on PostgreSQL").contains("PostgreSQL");
        assertThat(postgresql.tables(DATABASE)).as("the server migrated the database it was given")
                .contains("project", "task", "usage_event");
    }

    @AfterAll
    void backOnSqlite() throws Exception {
        try (TestPostgresql stoppedLast = postgresql) {
            if (serverSwitch != null) {
                Path env = TestServerSettings.SERVER_DIR.resolve("server.env");
                List<String> lines = new ArrayList<>(Files.readAllLines(env));
                lines.removeAll(serverSwitch);
                Files.write(env, lines);
                ServerProcess.restart();
                assertThat(GovernorApi.get("/health").body()).contains("SQLite");
            }
            if (databaseCreated) {
                postgresql.execute("DROP DATABASE IF EXISTS " + DATABASE);
            }
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
