package io.cloudopt.solvers.rescheduling;

import io.cloudopt.model.rescheduling.ReschedulingInstance;
import io.cloudopt.model.rescheduling.ReschedulingSolution;
import io.cloudopt.solvers.common.ModelExporter;
import io.cloudopt.solvers.common.MpSolverSupport;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.SolveReport;
import io.cloudopt.solvers.common.Solver;
import java.nio.file.Path;

/**
 * {@code milp}: the full per-VM mapping model C1–C10 of problems/rescheduling.md §7 on SCIP
 * (x_vm12_pm3_numa1, z_vm7_pm3, q_pm3_numa1, mv_vm12, t_pm3_numa1), warm started from the greedy and
 * sequenced into a plan. It is the aggregated model with one subtype per VM; about 1 M binaries on
 * the Medium shape, so {@code milp-agg} is the one for exactness at scale.
 */
public final class ReschedulingMilp implements Solver<ReschedulingInstance, ReschedulingSolution>,
        ModelExporter<ReschedulingInstance> {
    @Override
    public String name() {
        return "milp";
    }

    @Override
    public SolveReport<ReschedulingSolution> solve(ReschedulingInstance instance, SolveOptions options) {
        return ReschedulingSequencer.plan(instance, options.timeLimit(), (k, limit) -> {
            ReschedulingInstance atK = instance.withMaxMigrations(k);
            AggregatedModel model = AggregatedModel.whole(atK, k, AggregatedModel.Granularity.VM);
            return ReschedulingAggMilp.solve(model, ReschedulingGreedy.finalState(atK), options.withTime(limit));
        });
    }

    @Override
    public void exportModel(ReschedulingInstance instance, SolveOptions options, Path file) {
        AggregatedModel model = AggregatedModel.whole(instance, instance.maxMigrations(),
                AggregatedModel.Granularity.VM);
        MpSolverSupport.export(ReschedulingAggMilp.build(model).solver(), file);
    }
}
