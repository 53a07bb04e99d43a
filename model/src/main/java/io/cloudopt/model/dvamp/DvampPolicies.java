package io.cloudopt.model.dvamp;

import io.cloudopt.model.common.InputException;
import java.util.List;

/**
 * The rule-based policies of problems/dvamp.md §9 that need no solver. They live in the model
 * because the SPANE protocol itself is defined by a first-fit probe. Solver-backed policies
 * (look-ahead, ilp-step, replay) are in the solvers module.
 */
public final class DvampPolicies {
    /** Names accepted by {@link #create}. */
    public static final List<String> NAMES = List.of("ff", "bf", "balance", "wf", "random");

    private DvampPolicies() {
    }

    public static DvampPolicy create(String name, long seed) {
        return switch (name) {
            case "ff" -> new DvampFirstFitPolicy();
            case "bf" -> new DvampBestFitPolicy();
            case "balance" -> new DvampBalanceFitPolicy();
            case "wf" -> new DvampWorstFitPolicy();
            case "random" -> new DvampRandomPolicy(seed);
            default -> throw InputException.usage("unknown dvamp policy \"" + name + "\"; expected one of " + NAMES);
        };
    }
}
