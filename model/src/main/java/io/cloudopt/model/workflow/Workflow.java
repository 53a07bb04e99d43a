package io.cloudopt.model.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A workflow (DAG of tasks) arriving at {@code arrivalSeconds}; its deadline is derived from the
 * critical path and γ unless {@code deadlineSeconds} is given.
 */
public record Workflow(String id, String application, double arrivalSeconds,
                       @JsonInclude(JsonInclude.Include.ALWAYS) Double deadlineSeconds, List<WorkflowTask> tasks) {
    public Workflow {
        tasks = List.copyOf(tasks);
    }
}
