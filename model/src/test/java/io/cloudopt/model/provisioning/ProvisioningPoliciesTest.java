package io.cloudopt.model.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cloudopt.model.common.InputException;
import io.cloudopt.model.common.Instances;
import io.cloudopt.model.common.SolutionEnvelope;
import io.cloudopt.model.common.Solutions;
import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.common.SolverInfo;
import io.cloudopt.model.common.Termination;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The online policies of §9: each run is logged as a plan that replays bit for bit and passes the
 * verifier; the rules' arithmetic is checked on hand-computed numbers.
 */
class ProvisioningPoliciesTest {
    private static final ProvisioningInstance REFERENCE = Instances.read(
            ProvisioningBrokenFilesTest.resource("/provisioning/branchynet-resnet110.json"),
            ProvisioningProblem.INSTANCE).instance();

    @TempDir
    Path dir;

    /** The reference instance with another horizon, mean rate and peak second. */
    static ProvisioningInstance variant(int horizonSeconds, double meanPerSecond, double amplitude, double peakSecond) {
        ProvisioningInstance.Arrivals arrivals = ProvisioningInstance.Arrivals.diurnal(meanPerSecond, amplitude,
                peakSecond, REFERENCE.arrivals().burst());
        return new ProvisioningInstance("variant", "", null, horizonSeconds, REFERENCE.periodSeconds(),
                REFERENCE.stages(), REFERENCE.faas(), REFERENCE.vmTypes(), REFERENCE.vmColdStartSeconds(),
                REFERENCE.vmMinBillingSeconds(), REFERENCE.transferMs(), REFERENCE.slo(), arrivals,
                REFERENCE.simulation());
    }

    static Stream<Arguments> policiesAndInstances() {
        // The first hour of the reference day (trough, about 20 req/s), and an hour that starts near the
        // 80 req/s peak (peak at 01:00) with the hour after it.
        ProvisioningInstance trough = variant(3600, 50, 0.6, 43_200);
        ProvisioningInstance peak = variant(7200, 50, 0.6, 3600);
        return ProvisioningPolicies.NAMES.stream().flatMap(policy -> Stream.of(
                Arguments.of(policy, "trough", trough), Arguments.of(policy, "peak", peak)));
    }

    @ParameterizedTest(name = "{0} on the {1} instance")
    @MethodSource("policiesAndInstances")
    void aPlanRunAsAnOnlinePolicyGivesThePlansRunAndSeesEveryPeriodStart(String policy, String label,
                                                                           ProvisioningInstance instance) {
        ProvisioningSolution plan = ProvisioningSimulator.runOnline(instance,
                ProvisioningPolicies.create(policy, instance, null), 1).solution();
        List<Double> observed = new java.util.ArrayList<>();
        ProvisioningSimulator.Online replay = ProvisioningSimulator.runOnline(instance,
                new ProvisioningPlanPolicy(instance, plan, control -> observed.add(control.timeSeconds())), 1);
        assertThat(replay.run()).isEqualTo(ProvisioningSimulator.run(instance, plan, 1));
        assertThat(replay.solution().actions()).isEqualTo(plan.actions());
        assertThat(observed).hasSize(instance.periodCount());
        assertThat(observed.get(1)).isEqualTo(instance.periodSeconds());
    }

    @ParameterizedTest(name = "{0} on the {1} instance")
    @MethodSource("policiesAndInstances")
    void anOnlineRunReplaysExactlyAsAPlanAndIsVerified(String policy, String label, ProvisioningInstance instance) {
        ProvisioningSimulator.Online online = ProvisioningSimulator.runOnline(instance,
                ProvisioningPolicies.create(policy, instance, null), 1);
        ProvisioningSolution solution = online.solution();
        assertThat(solution.policy()).isEqualTo(policy);
        assertThat(solution.recorded()).isEqualTo(online.run().outcome());
        assertThat(ProvisioningSimulator.run(instance, solution, 1)).isEqualTo(online.run());
        assertThat(ProvisioningVerifier.verify(instance, solution)).isEmpty();

        // The same through a solution file.
        SolutionEnvelope envelope = new SolutionEnvelope(instance.name(), "0".repeat(64),
                new SolverInfo("greedy-" + policy, "test", null, 1, 1, Map.of()), SolveStatus.FEASIBLE,
                Termination.CONVERGED, online.run().outcome().costUsd(), null, 0.0, true, List.of());
        Path file = dir.resolve(policy + "-" + label + ".json");
        Solutions.write(file, ProvisioningProblem.INSTANCE, instance, envelope, solution);
        ProvisioningSolution read = Solutions.read(file, ProvisioningProblem.INSTANCE, instance).solution();
        assertThat(read).isEqualTo(solution);
        assertThat(ProvisioningVerifier.verify(instance, read)).isEmpty();

        ProvisioningOutcome outcome = online.run().outcome();
        switch (policy) {
            case "faas-only" -> {
                assertThat(solution.pools()).isEmpty();
                assertThat(solution.periods()).hasSize(1);
                assertThat(solution.periods().get(0).routing()).allMatch(r -> r.faasMemoryMiB() == 1769);
                assertThat(outcome.vmCostUsd()).isZero();
            }
            case "iaas-only" -> {
                assertThat(solution.unguarded()).isTrue();
                assertThat(outcome.faasCostUsd()).isZero();
                assertThat(outcome.vmToFaasOverflow()).isZero();
                assertThat(solution.actions().get(0).timeSeconds()).isEqualTo(-instance.vmColdStartSeconds());
            }
            case "libra" -> {
                assertThat(solution.pools()).hasSize(1);
                assertThat(solution.pools().get(0).stages()).containsExactly("s1", "s2", "s3");
                // The cap of a launch applies L^V = 100 s later, inside the period.
                assertThat(solution.periods()).anyMatch(entry -> entry.fromSeconds() != null);
                assertThat(outcome.vmCostUsd()).isPositive();
            }
            default -> {
                assertThat(solution.pools()).extracting(ProvisioningSolution.Pool::vmType).containsOnly("c5.large");
                assertThat(outcome.vmCostUsd()).isPositive();
            }
        }
    }

    /** Unguarded plans replay only with the flag: the same iaas-only log under the instance's guard differs. */
    @Test
    void theQueueGuardFlagMattersForIaasOnly() {
        ProvisioningInstance peak = variant(3600, 50, 0.6, 3600);
        ProvisioningSimulator.Online online = ProvisioningSimulator.runOnline(peak,
                ProvisioningPolicies.create("iaas-only", peak, null), 1);
        ProvisioningSolution s = online.solution();
        ProvisioningSolution guarded = new ProvisioningSolution(s.policy(), s.pools(), s.periods(), s.actions(),
                s.seed(), null);
        assertThat(ProvisioningSimulator.run(peak, guarded, 1).outcome().vmToFaasOverflow()).isPositive();
    }

    /** LIBRA's estimator on x = 10, 0, 5 (mean first, then dev with the new mean). */
    @Test
    void estimatorArithmetic() {
        ProvisioningRateEstimator estimator = new ProvisioningRateEstimator();
        estimator.observe(10);
        // mean = 0.2·10 = 2; dev = 0.2·|2 − 10| = 1.6
        assertThat(estimator.mean()).isCloseTo(2.0, within(1e-12));
        assertThat(estimator.dev()).isCloseTo(1.6, within(1e-12));
        estimator.observe(0);
        // mean = 0.8·2 = 1.6; dev = 0.8·1.6 + 0.2·|1.6 − 0| = 1.6
        assertThat(estimator.mean()).isCloseTo(1.6, within(1e-12));
        assertThat(estimator.dev()).isCloseTo(1.6, within(1e-12));
        estimator.observe(5);
        // mean = 0.8·1.6 + 0.2·5 = 2.28; dev = 0.8·1.6 + 0.2·|2.28 − 5| = 1.824
        assertThat(estimator.mean()).isCloseTo(2.28, within(1e-12));
        assertThat(estimator.dev()).isCloseTo(1.824, within(1e-12));
    }

    /** §12: 27.2135 req/s per c5.large (uniform runtime 11 + 0.585·35 + 0.447·94 = 73.493 ms). */
    @Test
    void libraCapacity() {
        double capacity = ProvisioningLibraPolicy.capacityPerSecond(REFERENCE, REFERENCE.vmTypes().get(0));
        assertThat(capacity).isCloseTo(27.2135, within(27.2135e-4));
        assertThat(capacity).isCloseTo(2000 / 73.493, within(1e-9));
    }

    /**
     * serflow's n_i on c5.large (cheapest per vCPU, tied with c5.xlarge, so the lower index) at 1769 MiB:
     * u_3 = 0.7·2·1000/94 = 14.8936, λ*_3 = 8.1236. Mean 50/s: x_3 = 0.447·50 = 22.35 = 1·u_3 + 7.456,
     * 7.456 &lt; λ*_3, so n_3 = 1; mean 55/s: x_3 = 24.585 = u_3 + 9.691 ≥ λ*_3, so n_3 = 2.
     * s2 (u_2 = 40, λ*_2 = 19.550): x_2 = 0.585·50 = 29.25 → n_2 = 1; s1 (u_1 = 127.27, λ*_1 = 45.695):
     * x_1 = 50 → 1, x_1 = 40 → 0.
     */
    @Test
    void serflowVmCounts() {
        assertThat(ProvisioningSerflowPolicy.cheapestPerVcpu(REFERENCE)).isZero();
        double u3 = 0.7 * 2 * 1000 / 94;
        double lambda3 = ProvisioningTails.breakEvenPerSecond(REFERENCE, 2, 1769, 0);
        assertThat(u3).isCloseTo(14.8936, within(1e-4));
        assertThat(lambda3).isCloseTo(8.1236, within(8.1236e-4));
        assertThat(ProvisioningSerflowPolicy.vmsFor(0.447 * 50, u3, lambda3)).isEqualTo(1);
        assertThat(ProvisioningSerflowPolicy.vmsFor(0.447 * 55, u3, lambda3)).isEqualTo(2);
        double lambda2 = ProvisioningTails.breakEvenPerSecond(REFERENCE, 1, 1769, 0);
        assertThat(lambda2).isCloseTo(19.550, within(19.550e-4));
        assertThat(ProvisioningSerflowPolicy.vmsFor(0.585 * 50, 40, lambda2)).isEqualTo(1);
        assertThat(ProvisioningSerflowPolicy.vmsFor(0.585 * 30, 40, lambda2)).isZero();
        double lambda1 = ProvisioningTails.breakEvenPerSecond(REFERENCE, 0, 1769, 0);
        assertThat(lambda1).isCloseTo(45.695, within(45.695e-4));
        assertThat(ProvisioningSerflowPolicy.vmsFor(50, 0.7 * 2 * 1000 / 11, lambda1)).isEqualTo(1);
        assertThat(ProvisioningSerflowPolicy.vmsFor(40, 0.7 * 2 * 1000 / 11, lambda1)).isZero();
        // A VM that never pays (u < λ*) is never used, whatever the demand.
        assertThat(ProvisioningSerflowPolicy.vmsFor(1000, 5, 8)).isZero();
    }

    /**
     * iaas-only's t = 0 size with λ̄(0) = 80 req/s (peak at 0), c5.large (0.5·2 = 1 busy worker per VM):
     * s1 80·0.011 = 0.88 → 1; s2 0.585·80·0.035 = 1.638 → 2; s3 0.447·80·0.094 = 3.361 → 4. At the
     * reference trough (20 req/s) every stage gets the minimum of 1.
     */
    @Test
    void iaasOnlyInitialSizing() {
        ProvisioningInstance peakAtZero = variant(3600, 50, 0.6, 0);
        assertThat(peakAtZero.arrivals().ratePerSecond(0)).isCloseTo(80, within(1e-3));
        ProvisioningIaasOnlyPolicy peak = new ProvisioningIaasOnlyPolicy(peakAtZero, 0);
        assertThat(List.of(peak.initialVms(0), peak.initialVms(1), peak.initialVms(2))).containsExactly(1, 2, 4);
        ProvisioningIaasOnlyPolicy trough = new ProvisioningIaasOnlyPolicy(REFERENCE, 0);
        assertThat(List.of(trough.initialVms(0), trough.initialVms(1), trough.initialVms(2))).containsExactly(1, 1, 1);
        ProvisioningSolution solution = ProvisioningSimulator.runOnline(peakAtZero,
                ProvisioningPolicies.create("iaas-only", peakAtZero, null), 1).solution();
        assertThat(solution.actions().subList(0, 3)).extracting(ProvisioningSolution.Action::count)
                .containsExactly(1, 2, 4);
    }

    /**
     * §12: faas-only costs 2.55169e-6 USD per request in expectation (1769 MiB everywhere); ±0.3% over a
     * flat 4-hour window at 80 req/s (about 1.2·10^6 requests, standard error about 0.06%).
     */
    @Test
    void faasOnlyCostPerRequest() {
        ProvisioningInstance flat = variant(14_400, 80, 0, 0);
        assertThat(List.of(0, 1, 2)).allMatch(i -> ProvisioningPolicies.faasMemoryMiB(flat, i) == 1769);
        ProvisioningSimulator.Online online = ProvisioningSimulator.runOnline(flat,
                ProvisioningPolicies.create("faas-only", flat, null), 1);
        assertThat(online.solution()).isEqualTo(ProvisioningFaasOnlyPolicy.plan(flat, 1)
                .withRecorded(online.run().outcome()));
        ProvisioningOutcome outcome = online.run().outcome();
        assertThat(outcome.requests()).isGreaterThan(1_000_000);
        assertThat(outcome.costUsd() / outcome.requests()).isCloseTo(2.55169e-6, within(0.003 * 2.55169e-6));
    }

    @Test
    void unknownPoliciesAndVmTypesAreBadInput() {
        assertThatThrownBy(() -> ProvisioningPolicies.create("greedy", REFERENCE, null))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("unknown provisioning policy \"greedy\"; expected one of faas-only, iaas-only, "
                        + "libra, serflow");
        assertThatThrownBy(() -> ProvisioningPolicies.create("libra", REFERENCE, "t2.micro"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("--vm-type t2.micro is not a VM type");
    }
}
