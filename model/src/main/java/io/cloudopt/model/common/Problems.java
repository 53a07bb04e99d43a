package io.cloudopt.model.common;

import io.cloudopt.model.dvamp.DvampProblem;
import io.cloudopt.model.provisioning.ProvisioningProblem;
import io.cloudopt.model.rescheduling.ReschedulingProblem;
import io.cloudopt.model.workflow.WorkflowProblem;
import java.util.List;
import java.util.Optional;

/** The registry of problems: every id a file or a command may name. */
public final class Problems {
    private static final List<Problem<?, ?>> ALL = List.of(DvampProblem.INSTANCE, ReschedulingProblem.INSTANCE,
            WorkflowProblem.INSTANCE, ProvisioningProblem.INSTANCE);

    private Problems() {
    }

    public static List<Problem<?, ?>> all() {
        return ALL;
    }

    public static List<String> ids() {
        return ALL.stream().map(Problem::id).toList();
    }

    public static Optional<Problem<?, ?>> byId(String id) {
        return ALL.stream().filter(problem -> problem.id().equals(id)).findFirst();
    }
}
