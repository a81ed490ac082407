package dev.campaignstudio.core.port.out;

import java.util.function.Supplier;

/** Runs work atomically: all of its writes happen, or none. */
public interface Transactions {

    /** Runs {@code work} in one transaction and returns its result; an exception rolls everything back. */
    <T> T inTransaction(Supplier<T> work);
}
