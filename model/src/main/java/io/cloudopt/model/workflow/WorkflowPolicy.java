package io.cloudopt.model.workflow;

/**
 * A dispatch rule: for the ready task of a decision, the index of a candidate — an existing VM
 * (0 .. vmCount−1, never the masked one) or a new VM of type k (vmCount + k).
 */
public interface WorkflowPolicy {
    /** The {@code --policy} name. */
    String name();

    int choose(WorkflowSimulator.Decision decision);
}
