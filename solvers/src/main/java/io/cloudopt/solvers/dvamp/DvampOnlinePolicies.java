package io.cloudopt.solvers.dvamp;

import io.cloudopt.model.common.InputException;
import io.cloudopt.model.dvamp.DvampPolicies;
import io.cloudopt.model.dvamp.DvampPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Every dvamp policy by its {@code --policy} name: the rule-based ones of the model and the
 * solver-backed ones (problems/dvamp.md §9).
 */
public final class DvampOnlinePolicies {
    private DvampOnlinePolicies() {
    }

    /** Settings of the solver-backed policies. */
    public record Settings(long seed) {
    }

    public static List<String> names() {
        List<String> names = new ArrayList<>(DvampPolicies.NAMES);
        return names;
    }

    public static DvampPolicy create(String name, Settings settings) {
        if (DvampPolicies.NAMES.contains(name)) {
            return DvampPolicies.create(name, settings.seed());
        }
        throw InputException.usage("unknown dvamp policy \"" + name + "\"; expected one of " + names());
    }
}
