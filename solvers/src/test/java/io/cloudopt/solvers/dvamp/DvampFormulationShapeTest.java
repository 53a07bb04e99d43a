package io.cloudopt.solvers.dvamp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.ortools.linearsolver.MPSolver;
import io.cloudopt.model.dvamp.DvampInstance;
import io.cloudopt.solvers.common.MpSolverSupport;
import io.cloudopt.solvers.common.SolveOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Variable and constraint counts of the exact models on the worked example (1 PM, 6 VMs, 2 double). */
class DvampFormulationShapeTest {
    @Test
    void milpOfTheExample() {
        DvampOfflineData data = DvampOfflineData.of(DvampTinyInstances.example());
        MPSolver solver = MpSolverSupport.create(MpSolverSupport.Backend.SCIP);
        DvampMilp.Model built = DvampMilp.buildModel(data, solver);
        // The greedy runs reach B1 + 230 = 380; C8 leaves nothing to fix on one PM once VM 0 (double) is on it.
        assertThat(data.upperBoundSeconds()).isEqualTo(380);
        assertThat(data.poolLowerBoundSeconds).isEqualTo(150);
        assertThat(data.slots).isDeepEqualTo(new int[][] {{0}, {0, 1}, {0, 1}, {0, 1}, {0}, {0, 1}});
        assertThat(solver.lookupVariableOrNull("y_vm0_pm0")).isNotNull();
        assertThat(solver.lookupVariableOrNull("x_vm1_pm0_numa0")).isNotNull();
        assertThat(solver.lookupVariableOrNull("x_vm1_pm0_numa1")).isNotNull();
        assertThat(built.startSeconds).hasSize(6);
        // 6 st + 10 x/y + 15 p (no pair surely ended, none fixed by C7) + 15 pairs × 2 nodes v.
        assertThat(solver.numVariables()).isEqualTo(6 + 10 + 15 + 30);
        // 6 C1 + 5 C3 + 6 VMs × 2 nodes × 2 resources C6 + 15 C4 + 30 C5.
        assertThat(solver.numConstraints()).isEqualTo(6 + 5 + 24 + 15 + 30);
        solver.delete();
    }

    @Test
    void cpSatOfTheExample() {
        DvampCpSat.Model built = DvampCpSat.buildModel(DvampOfflineData.of(DvampTinyInstances.example()));
        // 6 starts + 10 slot literals (intervals are constraints).
        assertThat(built.model.model().getVariablesCount()).isEqualTo(16);
        // 6 exactly-one, 5 FIFO, 2 nodes × 2 resources cumulatives, 2 pool cumulatives, 10 + 6 intervals.
        assertThat(built.model.model().getConstraintsCount()).isEqualTo(6 + 5 + 4 + 2 + 16);
    }

    @Test
    void milpExportsReadableLpAndMps(@TempDir Path dir) throws IOException {
        DvampInstance instance = DvampTinyInstances.example();
        DvampMilp milp = new DvampMilp(MpSolverSupport.Backend.SCIP);
        milp.exportModel(instance, SolveOptions.DEFAULT, dir.resolve("example.lp"));
        milp.exportModel(instance, SolveOptions.DEFAULT, dir.resolve("example.mps"));
        assertThat(Files.readString(dir.resolve("example.lp"))).contains("x_vm3_pm0_numa1", "p_vm1_vm3", "st_vm5");
        assertThat(Files.readString(dir.resolve("example.mps"))).contains("ROWS", "y_vm4_pm0");
    }
}
