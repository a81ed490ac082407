package dev.campaignstudio.core.contract;

import java.util.List;

/** Thrown when code (not a client payload) builds a contract object that breaks its rules. */
public final class ContractException extends IllegalArgumentException {

    private final transient List<Violation> violations;

    public ContractException(List<Violation> violations) {
        super(describe(violations));
        this.violations = List.copyOf(violations);
    }

    /** What was wrong, each with its pointer. */
    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        StringBuilder text = new StringBuilder("invalid request:");
        for (Violation v : violations) {
            text.append(' ')
                    .append(v.pointer().isEmpty() ? "/" : v.pointer())
                    .append(' ')
                    .append(v.message())
                    .append(';');
        }
        return text.toString();
    }
}
