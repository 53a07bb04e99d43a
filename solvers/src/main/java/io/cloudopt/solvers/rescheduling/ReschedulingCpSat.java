package io.cloudopt.solvers.rescheduling;

import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.rescheduling.ReschedulingInstance;
import io.cloudopt.model.rescheduling.ReschedulingSolution;
import io.cloudopt.model.rescheduling.ReschedulingState;
import io.cloudopt.solvers.common.CpSatSupport;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.SolveReport;
import io.cloudopt.solvers.common.Solver;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code cpsat}: the type-aggregated mapping model of problems/rescheduling.md §7 on CP-SAT, hinted
 * with the greedy's mapping, disaggregated and sequenced into a plan; {@code num_workers} = threads.
 */
public final class ReschedulingCpSat implements Solver<ReschedulingInstance, ReschedulingSolution> {
    @Override
    public String name() {
        return "cpsat";
    }

    @Override
    public SolveReport<ReschedulingSolution> solve(ReschedulingInstance instance, SolveOptions options) {
        return ReschedulingSequencer.plan(instance, options.timeLimit(), (k, limit) -> {
            ReschedulingInstance atK = instance.withMaxMigrations(k);
            AggregatedModel model = AggregatedModel.whole(atK, k, AggregatedModel.Granularity.SUBTYPE);
            return solve(model, ReschedulingGreedy.finalState(atK), options.withTime(limit));
        });
    }

    /** The aggregated model on CP-SAT, built (for tests). */
    static CpSink build(AggregatedModel model) {
        CpSink sink = new CpSink();
        model.build(sink);
        return sink;
    }

    /** Solves a mapping model on CP-SAT hinted with {@code hint}; the hint is the mapping when CP-SAT finds none better. */
    static ReschedulingSequencer.Mapping solve(AggregatedModel model, ReschedulingState hint, SolveOptions options) {
        CpSink sink = build(model);
        model.hint(sink, hint);
        CpSatSupport.Outcome outcome = CpSatSupport.solve(sink.model(), options);
        Map<String, Object> stats = new LinkedHashMap<>(outcome.stats());
        stats.putAll(model.shape());
        ReschedulingState target = hint;
        SolveStatus status = SolveStatus.FEASIBLE;
        if (outcome.status().hasSolution()) {
            ReschedulingState found = model.read(var -> sink.value(outcome.solver(), var));
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
}
