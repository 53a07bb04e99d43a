package io.cloudopt.solvers.dvamp;

import io.cloudopt.model.common.InputException;
import io.cloudopt.model.dvamp.DvampPolicies;
import io.cloudopt.model.dvamp.DvampPolicy;
import io.cloudopt.model.dvamp.DvampSolution;
import java.util.ArrayList;
import java.util.List;

/**
 * Every dvamp policy by its {@code --policy} name: the rule-based ones of the model and the
 * solver-backed ones (problems/dvamp.md §9).
 */
public final class DvampOnlinePolicies {
    private DvampOnlinePolicies() {
    }

    /**
     * Settings of the policies that need more than a seed.
     *
     * @param seed              seed of random policies
     * @param replaySolution    the offline solution that {@code replay} executes, or null
     * @param lookaheadWindow   VMs in the look-ahead's model (head included)
     * @param lookaheadStepLimit time limit of each look-ahead solve
     */
    public record Settings(long seed, DvampSolution replaySolution, int lookaheadWindow,
                           java.time.Duration lookaheadStepLimit) {
        public Settings {
            if (lookaheadWindow < 1) {
                throw InputException.usage("--window must be at least 1 VM (got " + lookaheadWindow + ")");
            }
        }

        public Settings(long seed, DvampSolution replaySolution) {
            this(seed, replaySolution, DvampLookaheadPolicy.DEFAULT_WINDOW, DvampLookaheadPolicy.DEFAULT_STEP_TIME_LIMIT);
        }

        public static Settings seed(long seed) {
            return new Settings(seed, null);
        }
    }

    public static List<String> names() {
        List<String> names = new ArrayList<>(DvampPolicies.NAMES);
        names.add("ilp-step");
        names.add("lookahead");
        names.add("replay");
        return names;
    }

    public static DvampPolicy create(String name, Settings settings) {
        if (DvampPolicies.NAMES.contains(name)) {
            return DvampPolicies.create(name, settings.seed());
        }
        return switch (name) {
            case "ilp-step" -> new DvampIlpStepPolicy();
            case "lookahead" -> new DvampLookaheadPolicy(settings.lookaheadWindow(), settings.lookaheadStepLimit(),
                    settings.seed());
            case "replay" -> {
                if (settings.replaySolution() == null) {
                    throw InputException.usage("the replay policy needs --solution FILE (an offline solution of the "
                            + "same instance)");
                }
                yield new DvampReplayPolicy(settings.replaySolution());
            }
            default -> throw InputException.usage("unknown dvamp policy \"" + name + "\"; expected one of " + names());
        };
    }
}
