package io.cloudopt.solvers.rescheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.ortools.linearsolver.MPSolver;
import io.cloudopt.model.common.Source;
import io.cloudopt.model.rescheduling.PmStatus;
import io.cloudopt.model.rescheduling.ReschedulingInstance;
import io.cloudopt.model.rescheduling.ReschedulingPm;
import io.cloudopt.model.rescheduling.ReschedulingVm;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shape of the mapping models on a tiny instance, counted by hand. */
class ReschedulingAggMilpTest {
    /**
     * pm0, pm1, pm2 with NUMAs of 8 cores; a (8 cores, 1 MiB) on pm0 NUMA 0, b (8, 2) on pm1 NUMA 0,
     * pinned c and d fill NUMA 1 of pm0 and pm1. Rooms with a, b taken out: 8, 0, 8, 0, 8, 8.
     */
    private static ReschedulingInstance tiny() {
        ReschedulingPm.NumaCapacity numa = new ReschedulingPm.NumaCapacity(8, 100);
        List<ReschedulingPm> pms = List.of(new ReschedulingPm("pm0", PmStatus.ACTIVE, "r0", List.of(numa, numa)),
                new ReschedulingPm("pm1", PmStatus.ACTIVE, "r0", List.of(numa, numa)),
                new ReschedulingPm("pm2", PmStatus.ACTIVE, "r0", List.of(numa, numa)));
        List<ReschedulingVm> vms = List.of(
                new ReschedulingVm("a", "t", "pm0", List.of(new ReschedulingVm.Share(0, 8, 1)), true),
                new ReschedulingVm("b", "t", "pm1", List.of(new ReschedulingVm.Share(0, 8, 2)), true),
                new ReschedulingVm("c", "t", "pm0", List.of(new ReschedulingVm.Share(1, 8, 1)), false),
                new ReschedulingVm("d", "t", "pm1", List.of(new ReschedulingVm.Share(1, 8, 1)), false));
        return new ReschedulingInstance("tiny", "", Source.NONE, 4, 3, true, pms, vms, List.of());
    }

    @Test
    void aggregatedModelShape() {
        AggregatedModel model = AggregatedModel.whole(tiny(), 3, AggregatedModel.Granularity.SUBTYPE);
        MPSolver solver = ReschedulingAggMilp.build(model).solver();
        assertThat(model.subtypeCount()).isEqualTo(2);
        // X: 2 subtypes × 4 NUMAs with room 8; O: 2 home NUMAs; q: 6; t: 6
        assertThat(solver.numVariables()).isEqualTo(22);
        // A1 2, C2 6, C3 4 (NUMAs no VM can reach have none), A3 2, A4 1, C8 1, C9 6, C10 1, C11 6, C12 1
        assertThat(solver.numConstraints()).isEqualTo(30);
        assertThat(solver.lookupVariableOrNull("X_k0_pm2_numa1")).isNotNull();
        assertThat(solver.lookupVariableOrNull("X_k0_pm0_numa1")).isNull();
        assertThat(solver.lookupVariableOrNull("O_k1_pm1_numa0")).isNotNull();
        assertThat(solver.lookupConstraintOrNull("C12")).isNotNull();
    }

    @Test
    void perVmModelUsesTheSpecNames() {
        AggregatedModel model = AggregatedModel.whole(tiny(), 3, AggregatedModel.Granularity.VM);
        MPSolver solver = ReschedulingAggMilp.build(model).solver();
        assertThat(solver.numVariables()).isEqualTo(22);
        assertThat(solver.numConstraints()).isEqualTo(30);
        assertThat(solver.lookupVariableOrNull("x_vm0_pm2_numa1")).isNotNull();
        assertThat(solver.lookupVariableOrNull("mv_vm1")).isNotNull();
        assertThat(solver.lookupVariableOrNull("q_pm2_numa1")).isNotNull();
        assertThat(solver.lookupVariableOrNull("t_pm0_numa0")).isNotNull();
        assertThat(solver.lookupConstraintOrNull("C1_vm0")).isNotNull();
        assertThat(solver.lookupConstraintOrNull("C5")).isNotNull();
    }
}
