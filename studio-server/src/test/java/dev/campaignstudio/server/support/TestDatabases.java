package dev.campaignstudio.server.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The two databases the persistence tests run against: H2 in PostgreSQL mode (embedded) and a real PostgreSQL
 * (distributed). Each test gets a fresh, migrated schema. PostgreSQL defaults to 127.0.0.1:5432/test as postgres; set
 * STUDIO_TEST_PG_URL, STUDIO_TEST_PG_USER and STUDIO_TEST_PG_PASSWORD to point elsewhere. When PostgreSQL is unreachable
 * the tests are skipped, loudly, except under CI=true, where they fail.
 */
public final class TestDatabases {

    private static final java.util.Set<String> CREATED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropCreatedSchemas, "drop-test-schemas"));
    }

    private TestDatabases() {}

    /** A JDBC URL, user and password with the schema the service should use. */
    public record Target(String name, String url, String user, String password, String schema) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A fresh in-memory H2 database in PostgreSQL mode, as embedded mode configures it. */
    public static Target h2() {
        String db = "t" + UUID.randomUUID().toString().replace("-", "");
        return new Target(
                "h2",
                "jdbc:h2:mem:" + db
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "sa",
                "",
                "public");
    }

    /** A fresh schema on the test PostgreSQL server; skips (or fails under CI) when the server is unreachable. */
    public static Target postgres() {
        String url = env("STUDIO_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = env("STUDIO_TEST_PG_USER", "postgres");
        String password = env("STUDIO_TEST_PG_PASSWORD", "");
        String schema = "t_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            CREATED.add(schema);
        } catch (SQLException unreachable) {
            String why = "PostgreSQL at " + url + " is unreachable (" + unreachable.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + "; CI=true requires the PostgreSQL tests to run. Start it: "
                        + "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start");
            }
            System.err.println("SKIPPING PostgreSQL tests: " + why);
            Assumptions.abort(why);
        }
        String separator = url.contains("?") ? "&" : "?";
        return new Target("postgresql", url + separator + "currentSchema=" + schema, user, password, schema);
    }

    /** A data source on {@code target} with the schema migrated by Flyway, exactly as the service migrates it. */
    public static DataSource migrated(Target target) {
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource(target.url(), target.user(), target.password());
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(target.schema())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return dataSource;
    }

    private static void dropCreatedSchemas() {
        if (CREATED.isEmpty()) {
            return;
        }
        String url = env("STUDIO_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        try (Connection connection = DriverManager.getConnection(
                        url, env("STUDIO_TEST_PG_USER", "postgres"), env("STUDIO_TEST_PG_PASSWORD", ""));
                Statement statement = connection.createStatement()) {
            for (String schema : CREATED) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        } catch (SQLException ignored) {
            // best effort: a schema left behind is harmless and named t_<random>
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
