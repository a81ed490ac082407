package dev.campaignstudio.core.contract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The output modes a service accepts, each with the defaults and bounds of its settings. */
public final class ModeCatalog {

    /** The four built-in modes (docs/modes.md), with the defaults and bounds docs/modes.md lists. */
    public static final ModeCatalog BUILT_IN = new ModeCatalog(List.of(
            new ModeRules(
                    OutputMode.IMAGE_BUNDLE,
                    Aspect.SQUARE_1_1,
                    0,
                    0,
                    0,
                    1,
                    12,
                    4,
                    Presentation.PRODUCT_ONLY,
                    false,
                    true),
            new ModeRules(
                    OutputMode.FAST_VIDEO,
                    Aspect.PORTRAIT_9_16,
                    5,
                    60,
                    15,
                    2,
                    12,
                    5,
                    Presentation.PRODUCT_ONLY,
                    false,
                    false),
            new ModeRules(
                    OutputMode.SCRIPT_VIDEO,
                    Aspect.PORTRAIT_9_16,
                    10,
                    180,
                    30,
                    1,
                    12,
                    4,
                    Presentation.PRODUCT_ONLY,
                    true,
                    false),
            new ModeRules(
                    OutputMode.UGC, Aspect.PORTRAIT_9_16, 8, 60, 20, 2, 8, 4, Presentation.WITH_MODEL, false, false)));

    private final Map<OutputMode, ModeRules> rules = new LinkedHashMap<>();

    /** A catalog of {@code rows}; a mode may appear once. */
    public ModeCatalog(Collection<ModeRules> rows) {
        for (ModeRules row : rows) {
            if (rules.putIfAbsent(row.mode(), row) != null) {
                throw new IllegalArgumentException("mode " + row.mode().wire() + " appears twice");
            }
        }
    }

    /** This catalog with one more mode. */
    public ModeCatalog with(ModeRules row) {
        List<ModeRules> rows = new ArrayList<>(rules.values());
        rows.add(row);
        return new ModeCatalog(rows);
    }

    /** The modes, in the order they were added. */
    public List<OutputMode> modes() {
        return List.copyOf(rules.keySet());
    }

    /** The mode spelled {@code wire}, if this catalog has it. */
    public Optional<OutputMode> mode(String wire) {
        return rules.keySet().stream().filter(m -> m.wire().equals(wire)).findFirst();
    }

    /**
     * The rules of {@code mode}.
     *
     * @throws IllegalStateException when the catalog does not have it
     */
    public ModeRules rules(OutputMode mode) {
        ModeRules row = rules.get(mode);
        if (row == null) {
            throw new IllegalStateException("no rules for mode " + mode);
        }
        return row;
    }

    /** The modes' spellings joined for a message: {@code a, b, c}. */
    public String spellings() {
        return String.join(", ", rules.keySet().stream().map(OutputMode::wire).toList());
    }
}
