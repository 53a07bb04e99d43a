package io.cloudopt.solvers.rescheduling;

import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.rescheduling.ReschedulingInstance;
import io.cloudopt.model.rescheduling.ReschedulingSolution;
import io.cloudopt.model.rescheduling.ReschedulingState;
import io.cloudopt.solvers.common.ModelExporter;
import io.cloudopt.solvers.common.MpSolverSupport;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.SolveReport;
import io.cloudopt.solvers.common.Solver;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code milp-agg}: the type-aggregated mapping model of problems/rescheduling.md §7 on SCIP, warm
 * started from the greedy, disaggregated and sequenced into a plan. Its bound is proven: the model
 * relaxes the plan problem.
 */
public final class ReschedulingAggMilp implements Solver<ReschedulingInstance, ReschedulingSolution>,
        ModelExporter<ReschedulingInstance> {
    /** The least time SCIP gets after building the model. */

    @Override
    public String name() {
        return "milp-agg";
    }

    @Override
    public SolveReport<ReschedulingSolution> solve(ReschedulingInstance instance, SolveOptions options) {
        return ReschedulingSequencer.plan(instance, options.timeLimit(), (k, limit) -> {
            ReschedulingInstance atK = instance.withMaxMigrations(k);
            AggregatedModel model = AggregatedModel.whole(atK, k, AggregatedModel.Granularity.SUBTYPE);
            return solve(model, ReschedulingGreedy.finalState(atK), options.withTime(limit));
        });
    }

    /** The aggregated model of the whole instance on SCIP, built and hinted (for tests and export). */
    static MpSink build(AggregatedModel model) {
        MpSink sink = new MpSink(MpSolverSupport.create(MpSolverSupport.Backend.SCIP));
        model.build(sink);
        return sink;
    }

    /**
     * Solves a mapping model on SCIP with {@code hint} as warm start. When SCIP has no solution, or a
     * worse one, the hint is the mapping; the bound is SCIP's, turned into fragment cores.
     */
    static ReschedulingSequencer.Mapping solve(AggregatedModel model, ReschedulingState hint, SolveOptions options) {
        long started = System.nanoTime();
        MpSink sink = build(model);
        model.hint(sink, hint);
        sink.applyHints();
        MpSolverSupport.Outcome outcome = MpSolverSupport.solve(sink.solver(), MpSolverSupport.Backend.SCIP, options,
                started);
        Map<String, Object> stats = new LinkedHashMap<>(outcome.stats());
        stats.putAll(model.shape());
        ReschedulingState target = hint;
        SolveStatus status = SolveStatus.FEASIBLE;
        if (outcome.status().hasSolution()) {
            ReschedulingState found = model.read(sink::value);
            status = outcome.status();
            if (found.totalFragments() <= hint.totalFragments()) {
                target = found;
            }
        }
        // A backend bound below the hint's slots (e.g. SCIP stopped before its root LP) proves nothing.
        boolean trusted = outcome.bound() != null && model.slotBound(outcome.bound()) >= model.slots(hint);
        long bound = trusted
                ? model.freeCores() - (long) hint.fragmentCpuCores() * model.slotBound(outcome.bound()) : 0;
        stats.put("modelBoundFragments", bound);
        return new ReschedulingSequencer.Mapping(target, status, outcome.termination(), Math.max(0, bound), stats);
    }

    @Override
    public void exportModel(ReschedulingInstance instance, SolveOptions options, Path file) {
        AggregatedModel model = AggregatedModel.whole(instance, instance.maxMigrations(),
                AggregatedModel.Granularity.SUBTYPE);
        MpSolverSupport.export(build(model).solver(), file);
    }
}
