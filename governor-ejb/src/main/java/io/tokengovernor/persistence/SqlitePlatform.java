package io.tokengovernor.persistence;

import org.eclipse.persistence.internal.databaseaccess.DatabaseCall;
import org.eclipse.persistence.internal.expressions.ExpressionSQLPrinter;
import org.eclipse.persistence.internal.expressions.SQLSelectStatement;
import org.eclipse.persistence.platform.database.DatabasePlatform;

/**
 * EclipseLink has no SQLite platform, and its generic one pages with scrollable cursors, which
 * the SQLite driver refuses. This one pages with {@code LIMIT ? OFFSET ?}. It is chosen in the
 * server configuration ({@code eclipselink.target-database}), never in the application, so that
 * pointing the data source at PostgreSQL is a configuration change.
 */
public class SqlitePlatform extends DatabasePlatform {

    @Override
    public void printSQLSelectStatement(DatabaseCall call, ExpressionSQLPrinter printer, SQLSelectStatement statement) {
        int maxRows = statement.getQuery() == null ? 0 : statement.getQuery().getMaxRows();
        int firstRow = statement.getQuery() == null ? 0 : statement.getQuery().getFirstResult();
        if (!shouldUseRownumFiltering() || (maxRows <= 0 && firstRow <= 0)) {
            super.printSQLSelectStatement(call, printer, statement);
            return;
        }
        statement.setUseUniqueFieldAliases(true);
        call.setFields(statement.printSQL(printer));
        printer.printString(" LIMIT ");
        printer.printParameter(DatabaseCall.MAXROW_FIELD);
        printer.printString(" OFFSET ");
        printer.printParameter(DatabaseCall.FIRSTRESULT_FIELD);
        call.setIgnoreFirstRowSetting(true);
        call.setIgnoreMaxResultsSetting(true);
    }

    /** The LIMIT parameter counts rows after the offset; without a maximum, SQLite takes -1 as "all". */
    @Override
    public int computeMaxRowsForSQL(int firstResultIndex, int maxResults) {
        return maxResults <= 0 ? -1 : maxResults - Math.max(firstResultIndex, 0);
    }

    /** SQLite knows ANSI joins but not the ODBC escape {@code {oj …}} the generic platform prints. */
    @Override
    public boolean shouldUseJDBCOuterJoinSyntax() {
        return false;
    }

    @Override
    public boolean supportsSequenceObjects() {
        return false;
    }
}
