package io.tokengovernor.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokengovernor.ServicesDeployment;
import jakarta.annotation.Resource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server's data source is the real SQLite file, set up as production needs it, and Flyway
 * has brought it to the current schema. Each test borrows the pool's one connection briefly.
 */
@ExtendWith(ArquillianExtension.class)
class SqliteDatabaseIT {

    @Deployment
    static WebArchive deployment() {
        return ServicesDeployment.create();
    }

    @Resource(lookup = "jdbc/governor")
    DataSource dataSource;

    @Test
    void the_data_source_is_sqlite_in_wal_mode_with_full_sync_and_foreign_keys_on() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("SQLite");
            assertThat(pragma(connection, "journal_mode")).isEqualToIgnoringCase("wal");
            assertThat(pragma(connection, "foreign_keys")).isEqualTo("1");
            assertThat(pragma(connection, "synchronous")).as("2 is FULL").isEqualTo("2");
        }
    }

    @Test
    void flyway_has_applied_version_1_of_the_schema() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select version, success from flyway_schema_history where version = '1'")) {
            assertThat(rows.next()).as("a history row for version 1").isTrue();
            assertThat(rows.getBoolean("success")).isTrue();
        }
    }

    @Test
    void a_row_naming_a_missing_project_is_refused() throws SQLException {
        String agentId = UUID.randomUUID().toString();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("insert into agent (id, project_id, created_at)"
                    + " values ('" + agentId + "', 'no-such-project', '2026-01-01T00:00:00.000Z')"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("FOREIGN KEY");
            try (ResultSet rows = statement.executeQuery("select count(*) from agent where id = '" + agentId + "'")) {
                rows.next();
                assertThat(rows.getInt(1)).isZero();
            }
        }
    }

    private static String pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
            assertThat(rows.next()).as("PRAGMA %s answers", name).isTrue();
            return rows.getString(1);
        }
    }
}
