package io.cloudopt.model.workflow;

import java.util.List;

/** A task: its runtime on {@code referenceVcpus} vCPUs and its parents (ids in the same workflow). */
public record WorkflowTask(String id, double referenceRuntimeSeconds, List<String> parents) {
    public WorkflowTask {
        parents = parents == null ? List.of() : List.copyOf(parents);
    }
}
