package dev.campaignstudio.core.job;

/** A job or step was asked to move between states that {@link StateChanges} does not allow. */
public final class IllegalStateChangeException extends IllegalStateException {

    public IllegalStateChangeException(String what, Enum<?> from, Enum<?> to) {
        super(what + " cannot change from " + from + " to " + to);
    }
}
