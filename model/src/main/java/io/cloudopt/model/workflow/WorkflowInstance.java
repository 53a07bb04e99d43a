package io.cloudopt.model.workflow;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cloudopt.model.common.Source;
import java.util.List;
import java.util.Objects;

/**
 * Cost-aware dynamic workflow scheduling on hourly-billed VMs (problems/workflow.md §2–3).
 * Immutable; checked by {@link WorkflowValidation} when read. Order is meaningful: VM types by
 * increasing vCPUs, workflows by arrival, tasks in DAX job order.
 */
@JsonPropertyOrder({"name", "description", "source", "mode", "vmTypes", "referenceVcpus", "penalty", "deadlineFactor",
        "workflows"})
public record WorkflowInstance(String name, String description, Source source, String mode,
                               List<WorkflowVmType> vmTypes, int referenceVcpus, WorkflowPenalty penalty,
                               double deadlineFactor, List<Workflow> workflows) {
    public static final String GATES = "gates";

    public WorkflowInstance {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        source = source == null ? Source.NONE : source;
        mode = mode == null ? GATES : mode;
        vmTypes = List.copyOf(vmTypes);
        workflows = List.copyOf(workflows);
    }

}
