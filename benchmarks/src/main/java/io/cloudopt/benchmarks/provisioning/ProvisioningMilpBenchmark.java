package io.cloudopt.benchmarks.provisioning;

import io.cloudopt.instances.provisioning.ProvisioningGenerator;
import io.cloudopt.model.provisioning.ProvisioningInstance;
import io.cloudopt.solvers.common.MpSolverSupport;
import io.cloudopt.solvers.common.OrTools;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.provisioning.ProvisioningMilp;
import io.cloudopt.solvers.provisioning.ProvisioningOptionTable;
import io.cloudopt.solvers.provisioning.ProvisioningOptions;
import io.cloudopt.solvers.provisioning.ProvisioningPlanModel;
import io.cloudopt.solvers.provisioning.ProvisioningRates;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Build and solve time of the provisioning MILPs per period on the reference instance
 * {@code branchynet-resnet110} (SCIP, one thread): the option tables of one period (three stages at the
 * noon rate, cost dominance), the one-period static model built and solved to optimality, and one
 * 12-period rolling window (periods 144–155 at the expected rates, SCIP's speed settings, stopped at a
 * 1e-4 relative gap or 30 s) — what {@code milp-rolling} solves at every period start.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class ProvisioningMilpBenchmark {
    private static final int NOON = 144;
    private static final int WINDOW = 12;

    private ProvisioningOptions options;
    private double[] expected;
    private double windowMax;
    private ProvisioningOptionTable[] noonTables;
    private ProvisioningOptionTable[][] windowTables;

    @Setup(Level.Trial)
    public void prepare() {
        OrTools.load();
        ProvisioningInstance instance = ProvisioningGenerator.reference();
        options = ProvisioningOptions.of(instance);
        expected = ProvisioningRates.expected(instance);
        noonTables = periodTables();
        windowTables = new ProvisioningOptionTable[WINDOW][];
        double[] window = java.util.Arrays.copyOfRange(expected, NOON, NOON + WINDOW);
        windowMax = ProvisioningRates.max(window);
        for (int h = 0; h < WINDOW; h++) {
            windowTables[h] = new ProvisioningOptionTable[instance.stages().size()];
            for (int i = 0; i < instance.stages().size(); i++) {
                windowTables[h][i] = options.table(i, window[h], windowMax, instance.periodSeconds(),
                        ProvisioningOptions.Dominance.COST);
            }
        }
    }

    @Benchmark
    public ProvisioningOptionTable[] periodTables() {
        ProvisioningInstance instance = options.instance();
        ProvisioningOptionTable[] tables = new ProvisioningOptionTable[instance.stages().size()];
        for (int i = 0; i < tables.length; i++) {
            tables[i] = options.table(i, expected[NOON], expected[NOON], instance.periodSeconds(),
                    ProvisioningOptions.Dominance.COST);
        }
        return tables;
    }

    @Benchmark
    public Object staticPeriodBuildAndSolve() {
        ProvisioningPlanModel data = ProvisioningPlanModel.oneShot(options, noonTables);
        return ProvisioningMilp.solve(data, MpSolverSupport.Backend.SCIP,
                SolveOptions.withTimeLimit(Duration.ofSeconds(30)), System.nanoTime(), 0, null).choice();
    }

    @Benchmark
    public Object rollingWindowBuildAndSolve() {
        ProvisioningPlanModel data = ProvisioningPlanModel.multiPeriod(options, windowTables, NOON, null, null);
        return ProvisioningMilp.solve(data, MpSolverSupport.Backend.SCIP,
                SolveOptions.withTimeLimit(Duration.ofSeconds(30)), System.nanoTime(), 1e-4, null,
                ProvisioningMilp.Emphasis.SPEED).choice();
    }
}
