package dev.campaignstudio.core.engine;

import dev.campaignstudio.core.capability.StepFault;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The notes of the step running on this thread, for adapters: a remote adapter writes down the provider's job id before
 * it waits for the job, so that a later attempt of the same step (after a crash, a timeout or a retry) finds the job
 * and waits for it again instead of paying for a second one (docs/engine.md, "Step notes"). The runner binds each
 * step's journal to the thread running it, as it binds the {@link CancellationSignal}; outside a step the journal reads
 * nothing and keeps nothing.
 */
public interface StepJournal {

    /** The notes every attempt of this step's stage and scene wrote so far, oldest first. */
    List<Map<String, Object>> read();

    /**
     * Writes a note durably before returning.
     *
     * @param note small JSON facts
     * @throws StepFault {@code TRANSIENT} when it could not be written (the step is tried again)
     */
    void write(Map<String, Object> note) throws StepFault;

    /** The journal of the step running on this thread; outside a step, one that reads nothing and keeps nothing. */
    static StepJournal current() {
        return Bound.CURRENT.get();
    }

    /** Makes {@code journal} the current thread's until the binding is closed. */
    static CancellationSignal.Binding bind(StepJournal journal) {
        Objects.requireNonNull(journal, "journal");
        StepJournal before = Bound.CURRENT.get();
        Bound.CURRENT.set(journal);
        return () -> Bound.CURRENT.set(before);
    }

    /** A journal kept in memory, shared by whoever holds it: for tests of adapters,
     * and for code run outside the engine. */
    static StepJournal inMemory() {
        List<Map<String, Object>> notes = new ArrayList<>();
        return new StepJournal() {
            @Override
            public synchronized List<Map<String, Object>> read() {
                return List.copyOf(notes);
            }

            @Override
            public synchronized void write(Map<String, Object> note) {
                notes.add(Map.copyOf(note));
            }
        };
    }

    /** The thread's journal. */
    final class Bound {
        private static final StepJournal NONE = new StepJournal() {
            @Override
            public List<Map<String, Object>> read() {
                return List.of();
            }

            @Override
            public void write(Map<String, Object> note) {
                // outside a step there is nowhere to keep it
            }
        };
        private static final ThreadLocal<StepJournal> CURRENT = ThreadLocal.withInitial(() -> NONE);

        private Bound() {}
    }
}
