package io.tokengovernor.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date before the application serves anything. The versioned
 * scripts in {@code db/migration} own the schema, so an upgrade keeps existing data.
 */
@Startup
@Singleton
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    /** Liberty's class loader lists a resource folder only if it holds a file: hence db/migration/flyway.location. */
    private static final String LOCATION = "classpath:db/migration";

    @Resource(lookup = "jdbc/governor")
    DataSource dataSource;

    /** Flyway commits each migration itself, so it must not run inside a container transaction. */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        MigrateResult result;
        try (Connection connection = dataSource.getConnection()) {
            result = Flyway.configure(SchemaMigration.class.getClassLoader())
                    .dataSource(new SingleConnectionDataSource(connection))
                    .locations(LOCATION)
                    .load()
                    .migrate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to migrate its schema: " + e.getMessage(), e);
        }
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }
}
