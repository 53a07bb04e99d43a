package io.cloudopt.solvers.common;

import io.cloudopt.model.common.InputException;
import io.cloudopt.solvers.dvamp.DvampSolvers;
import io.cloudopt.solvers.provisioning.ProvisioningSolvers;
import io.cloudopt.solvers.rescheduling.ReschedulingSolvers;
import io.cloudopt.solvers.workflow.WorkflowSolvers;
import java.util.List;

/** Every problem's solver catalog, by problem id. */
public final class Catalogs {
    private static final List<SolverCatalog<?, ?>> ALL = List.of(DvampSolvers.CATALOG, ReschedulingSolvers.CATALOG,
            WorkflowSolvers.CATALOG, ProvisioningSolvers.CATALOG);

    private Catalogs() {
    }

    public static List<SolverCatalog<?, ?>> all() {
        return ALL;
    }

    public static SolverCatalog<?, ?> forProblem(String id) {
        return ALL.stream().filter(catalog -> catalog.problem().id().equals(id)).findFirst()
                .orElseThrow(() -> InputException.usage("no solvers for problem \"" + id + "\""));
    }
}
