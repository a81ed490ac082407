package dev.campaignstudio.core.contract;

import java.util.ArrayList;
import java.util.List;

/** Collects every violation found while reading a request, so all of them are reported at once. */
public final class Violations {

    private final List<Violation> found = new ArrayList<>();

    /** Records a violation at {@code pointer}. */
    public void add(String pointer, String code, String message) {
        found.add(new Violation(pointer, code, message));
    }

    /** Records all of {@code others}. */
    public void addAll(List<Violation> others) {
        found.addAll(others);
    }

    /** True when nothing was recorded. */
    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** The violations in the order they were found. */
    public List<Violation> list() {
        return List.copyOf(found);
    }
}
