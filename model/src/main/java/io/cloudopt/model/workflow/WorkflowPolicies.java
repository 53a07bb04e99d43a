package io.cloudopt.model.workflow;

import io.cloudopt.model.common.InputException;
import java.util.List;

/** The workflow policies of problems/workflow.md §9 by {@code --policy} name. */
public final class WorkflowPolicies {
    /** The rule-based policies. */
    public static final List<String> NAMES = List.of("bestfit", "bestfit-fixed", "prolis", "reuse-first", "new48");
    /** The look-ahead experts (slower: a roll-out per candidate and decision). */
    public static final List<String> EXPERTS = List.of("rollout");

    private WorkflowPolicies() {
    }

    public static WorkflowPolicy create(String name) {
        return switch (name) {
            case "bestfit" -> new WorkflowBestFitPolicy();
            case "bestfit-fixed" -> new WorkflowBestFitFixedPolicy();
            case "prolis" -> new WorkflowProlisPolicy();
            case "reuse-first" -> new WorkflowReuseFirstPolicy();
            case "new48" -> new WorkflowNew48Policy();
            case "rollout" -> new WorkflowRolloutPolicy();
            default -> throw InputException.usage("unknown workflow policy \"" + name + "\"; expected one of " + NAMES
                    + " or " + EXPERTS);
        };
    }
}
