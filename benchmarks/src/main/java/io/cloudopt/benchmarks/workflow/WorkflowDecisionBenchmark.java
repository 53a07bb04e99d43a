package io.cloudopt.benchmarks.workflow;

import io.cloudopt.model.workflow.WorkflowInstance;
import io.cloudopt.model.workflow.WorkflowPolicies;
import io.cloudopt.model.workflow.WorkflowSimulator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time per simulator decision, environment included: the whole 30-instance GATES size-S suite at
 * γ = 1.0 (25,711 decisions), run with a policy. The original Python simulator spends about
 * 0.67 ms per decision there with bestfit (problems/workflow.md P12).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WorkflowDecisionBenchmark {
    /** Decisions of the size-S suite at γ = 1.0, checked at setup. */
    static final int DECISIONS = 25_711;

    @Param({"bestfit", "prolis", "new48"})
    public String policy;

    private List<WorkflowInstance> suite;

    @Setup(Level.Trial)
    public void read() {
        suite = GatesSuiteData.suite("S", 1.0);
        int decisions = 0;
        for (WorkflowInstance instance : suite) {
            decisions += new WorkflowSimulator(instance).run(WorkflowPolicies.create(policy)).decisions();
        }
        if (decisions != DECISIONS) {
            throw new IllegalStateException("The size-S suite has " + decisions + " decisions, expected " + DECISIONS
                    + ".\nMaybe the data differ from the published GATES test set.");
        }
    }

    @Benchmark
    @OperationsPerInvocation(DECISIONS)
    public double decision() {
        double total = 0;
        for (WorkflowInstance instance : suite) {
            total += new WorkflowSimulator(instance).run(WorkflowPolicies.create(policy)).totalCost();
        }
        return total;
    }
}
