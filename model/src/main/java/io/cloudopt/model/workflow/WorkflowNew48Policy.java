package io.cloudopt.model.workflow;

/** {@code new48}: always a new VM of the fastest type; never queues, never reuses. */
public final class WorkflowNew48Policy implements WorkflowPolicy {
    @Override
    public String name() {
        return "new48";
    }

    @Override
    public int choose(WorkflowSimulator.Decision decision) {
        return decision.vmCount() + decision.typeCount() - 1;
    }
}
