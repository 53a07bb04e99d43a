package io.cloudopt.benchmarks.provisioning;

import io.cloudopt.instances.provisioning.ProvisioningGenerator;
import io.cloudopt.model.provisioning.ProvisioningInstance;
import io.cloudopt.model.provisioning.ProvisioningSimulator;
import io.cloudopt.model.provisioning.ProvisioningSolution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Simulator throughput (problems/provisioning.md, issue target ≥ 1 M requests/s on one core): a
 * whole simulated day of the reference instance {@code branchynet-resnet110} (4,799,574 requests
 * with seed 1), every stage on FaaS at 1769 MiB. Reported as time per request; requests per second
 * = 10^9 / score.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class ProvisioningSimulatorBenchmark {
    /** Requests of the reference day with seed 1, checked at setup. */
    static final int REQUESTS = 4_799_574;

    private ProvisioningInstance instance;
    private ProvisioningSolution faasOnly;

    @Setup(Level.Trial)
    public void prepare() {
        instance = ProvisioningGenerator.reference();
        List<ProvisioningSolution.Routing> routing = new ArrayList<>();
        instance.stages().forEach(stage -> routing.add(ProvisioningSolution.Routing.faas(stage.id(), 1769)));
        faasOnly = new ProvisioningSolution("faas-only", List.of(), List.of(new ProvisioningSolution.Period(0, Map.of(),
                routing)), List.of(), 1, null);
        long requests = ProvisioningSimulator.run(instance, faasOnly, 1).outcome().requests();
        if (requests != REQUESTS) {
            throw new IllegalStateException("The reference day has " + requests + " requests, expected " + REQUESTS
                    + ".\nMaybe the request stream changed; update REQUESTS.");
        }
    }

    @Benchmark
    @OperationsPerInvocation(REQUESTS)
    public double faasOnlyDay() {
        return ProvisioningSimulator.run(instance, faasOnly, 1).outcome().costUsd();
    }
}
