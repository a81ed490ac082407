package dev.campaignstudio.core.capability;

import java.util.Optional;

/**
 * Work a step started at a provider and pays for (a Replicate prediction, say), remembered durably with the step so
 * that a later attempt of the same step, after a time-out, a crashed worker or a retry, takes up the same work instead
 * of
 * paying for it again (docs/providers.md, "Paid work never runs twice"). The runner binds the step's journal to the
 * thread running it, so adapters reach it through {@link #current()} without the capability ports carrying it; outside
 * a
 * step the journal remembers nothing.
 */
public final class RemoteJobs {

    /** Where a step's remote jobs are written down. */
    public interface Journal {

        /**
         * The provider's id of the job last remembered under {@code key} by any attempt of this step, if any.
         *
         * @param key what the job was asked to do (provider, capability and a digest of the request)
         */
        Optional<String> recall(String key);

        /**
         * Writes down, durably and before the job is waited for, that {@code id} does {@code key}.
         *
         * @throws StepFault {@code TRANSIENT} when it cannot be written (the attempt is no longer held)
         */
        void remember(String key, String id) throws StepFault;
    }

    private static final Journal NONE = new Journal() {
        @Override
        public Optional<String> recall(String key) {
            return Optional.empty();
        }

        @Override
        public void remember(String key, String id) {
            // outside a step nothing outlives the call
        }
    };

    private static final ThreadLocal<Journal> CURRENT = ThreadLocal.withInitial(() -> NONE);

    private RemoteJobs() {}

    /** The journal of the step running on this thread; outside a step, one that remembers nothing. */
    public static Journal current() {
        return CURRENT.get();
    }

    /** Makes {@code journal} this thread's until the returned binding is closed. */
    public static Binding bind(Journal journal) {
        Journal before = CURRENT.get();
        CURRENT.set(journal);
        return () -> CURRENT.set(before);
    }

    /** Ends a {@link #bind binding}. */
    @FunctionalInterface
    public interface Binding extends AutoCloseable {
        @Override
        void close();
    }
}
