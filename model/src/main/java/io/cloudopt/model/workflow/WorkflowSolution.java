package io.cloudopt.model.workflow;

import java.util.List;

/**
 * A schedule: VM leases (type, start, billed periods) and one assignment per task. {@code mode}
 * "gates" for a simulator run (then also checked against the simulator's dispatch rules) or
 * "offline" for the hindsight models.
 */
public record WorkflowSolution(String mode, String policy, List<Lease> vms, List<Assignment> assignments) {
    public static final String OFFLINE = "offline";

    public WorkflowSolution {
        vms = List.copyOf(vms);
        assignments = List.copyOf(assignments);
    }

    /** A rented VM: id {@code vm<creation counter>}, its type's name, lease start and billed periods. */
    public record Lease(String id, String type, double leaseStartSeconds, int billedHours) {
    }

    /** Where and when a task ran. */
    public record Assignment(String workflow, String task, String vm, double startSeconds, double finishSeconds) {
    }
}
