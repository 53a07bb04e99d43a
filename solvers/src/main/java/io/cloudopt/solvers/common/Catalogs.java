package io.cloudopt.solvers.common;

import io.cloudopt.model.common.InputException;
import io.cloudopt.solvers.dvamp.DvampSolvers;
import io.cloudopt.solvers.rescheduling.ReschedulingSolvers;
import java.util.List;

/** Every problem's solver catalog, by problem id. */
public final class Catalogs {
    private static final List<SolverCatalog<?, ?>> ALL = List.of(DvampSolvers.CATALOG, ReschedulingSolvers.CATALOG);

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
