package dev.campaignstudio.server.adapter.out.jdbc;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * The few statements that H2 and PostgreSQL spell differently. Everything else the adapters send is the same SQL on
 * both; a statement here exists because one round trip instead of two is worth it (docs/engine.md "Where the time
 * goes").
 */
enum SqlDialect {
    POSTGRESQL {
        @Override
        String updateReturning(String update, String columns) {
            return update + " RETURNING " + columns;
        }
    },
    H2 {
        @Override
        String updateReturning(String update, String columns) {
            return "SELECT " + columns + " FROM FINAL TABLE (" + update + ")";
        }
    };

    /**
     * One statement that runs {@code update} and answers {@code columns} of the rows it changed, as they are after it.
     *
     * @param update  an {@code UPDATE ... WHERE ...} statement
     * @param columns the columns to answer, comma-separated
     */
    abstract String updateReturning(String update, String columns);

    /** The dialect of the database behind a data source. */
    static SqlDialect of(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            return "PostgreSQL".equalsIgnoreCase(product) ? POSTGRESQL : H2;
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("cannot tell which database the data source is: " + e.getMessage(), e);
        }
    }
}
