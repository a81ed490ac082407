package dev.campaignstudio.server.engine;

import dev.campaignstudio.core.capability.StepFault;
import dev.campaignstudio.core.engine.StageHandler;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

/**
 * A database that cannot be reached while a stage reads or writes it is a fault another attempt may cure, like a store
 * outage: the stage's step fails with the retryable {@code DATABASE_UNAVAILABLE} instead of {@code INTERNAL}, which
 * would fail its job for good. Found by the fault suite (docs/operations.md "Fault and load suite").
 */
public final class DatabaseOutages {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutages.class);

    private DatabaseOutages() {}

    /** {@code handler}, with database outages met inside it turned into a retryable fault. */
    public static StageHandler retryable(String stage, StageHandler handler) {
        return context -> {
            try {
                return handler.execute(context);
            } catch (Exception failure) {
                if (!outage(failure)) {
                    throw failure;
                }
                log.warn("stage {}: the database is unavailable: {}", stage, failure.toString());
                throw StepFault.transientFault(
                        "DATABASE_UNAVAILABLE", "the database could not be reached; the step is tried again");
            }
        };
    }

    /** Whether {@code failure} or one of its causes says the database could not be reached for now. */
    static boolean outage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
        }
        return false;
    }
}
