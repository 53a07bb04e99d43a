package io.cloudopt.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudopt.model.common.Json;
import io.cloudopt.model.common.LoadedInstance;
import io.cloudopt.model.common.Problem;
import io.cloudopt.model.common.SolutionEnvelope;
import io.cloudopt.model.common.Solutions;
import io.cloudopt.model.common.SolverInfo;
import io.cloudopt.solvers.common.Catalogs;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.SolveReport;
import io.cloudopt.solvers.common.Solver;
import io.cloudopt.solvers.common.SolverCatalog;
import io.cloudopt.solvers.common.VerifiedSolve;
import java.nio.file.Path;
import java.util.Map;

/** One verified solve of a loaded instance, and its solution document. */
final class Solving<I, S> {
    final LoadedInstance<I> loaded;
    final Solver<I, S> solver;
    final SolveOptions options;
    final VerifiedSolve<S> verified;

    private Solving(LoadedInstance<I> loaded, Solver<I, S> solver, SolveOptions options, VerifiedSolve<S> verified) {
        this.loaded = loaded;
        this.solver = solver;
        this.options = options;
        this.verified = verified;
    }

    /** Creates the named solver for the instance's problem (bad input if unknown), solves and verifies. */
    @SuppressWarnings("unchecked")
    static <I, S> Solving<I, S> run(LoadedInstance<I> loaded, String solverName, SolveOptions options) {
        SolverCatalog<I, S> catalog = (SolverCatalog<I, S>) Catalogs.forProblem(loaded.problem().id());
        Solver<I, S> solver = catalog.create(solverName);
        return run(loaded, solver, options);
    }

    @SuppressWarnings("unchecked")
    static <I, S> Solving<I, S> run(LoadedInstance<I> loaded, Solver<I, S> solver, SolveOptions options) {
        Problem<I, S> problem = (Problem<I, S>) loaded.problem();
        VerifiedSolve<S> verified = VerifiedSolve.run(problem, solver, loaded.instance(), options);
        return new Solving<>(loaded, solver, options, verified);
    }

    @SuppressWarnings("unchecked")
    Problem<I, S> problem() {
        return (Problem<I, S>) loaded.problem();
    }

    SolveReport<S> report() {
        return verified.report();
    }

    SolutionEnvelope envelope() {
        SolveReport<S> report = verified.report();
        return new SolutionEnvelope(loaded.name(), loaded.sha256(),
                new SolverInfo(solver.name(), solver.version(), options.timeLimitSeconds(), options.threads(),
                        options.seed(), solver.params()),
                report.status(), report.termination(), report.objective(), report.bound(), report.wallSeconds(),
                verified.verified(), verified.violations());
    }

    /** The solution document, with the report's statistics under {@code stats} when asked. */
    ObjectNode document(boolean withStats) {
        ObjectNode document = Solutions.toJson(problem(), loaded.instance(), envelope(), report().solution());
        if (withStats) {
            document.set("stats", Json.MAPPER.valueToTree(report().stats()));
        }
        return document;
    }

    void write(Path file) {
        Solutions.write(file, problem(), loaded.instance(), envelope(), report().solution());
    }
}
