package io.cloudopt.model.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cloudopt.model.common.Source;
import io.cloudopt.model.common.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Worked examples of §5 on a hand-made two-stage instance with scripted requests (the spec's service laws
 * are random, so the requests are written out instead). Prices are round: FaaS 1e-6 USD per request
 * and 1e-6 USD per GB-ms at 1024 MiB (f = 1, 1 GB), billed per started ms; the VM costs 0.001 USD/s.
 * Hops are 5 ms between different services, 0 between VMs.
 */
class ProvisioningSimulatorTest {
    private static final double USD = 1e-12;
    private static final double MS = 1e-6;

    static ProvisioningInstance hand(double faasColdStartMs) {
        List<ProvisioningInstance.Stage> stages = List.of(
                new ProvisioningInstance.Stage("s1", 0.5, 10, ProvisioningInstance.ServiceDistribution.lognormal(0.5),
                        256),
                new ProvisioningInstance.Stage("s2", 0.5, 20, ProvisioningInstance.ServiceDistribution.lognormal(0.5),
                        256));
        ProvisioningInstance.Faas faas = new ProvisioningInstance.Faas(List.of(1024), 1024, 0.001, 1.0, 1,
                faasColdStartMs, 10);
        return new ProvisioningInstance("hand", "", Source.NONE, 120, 60, stages, faas,
                List.of(new ProvisioningInstance.VmType("v1", 1, 1, 3.6, 1.0)), 10, 60,
                new ProvisioningInstance.Transfers(0, 5, 5, 5), new ProvisioningInstance.Slo(100, 0.1),
                ProvisioningInstance.Arrivals.diurnal(1, 0, 0, null), new ProvisioningInstance.Simulation(1, 1));
    }

    private static ProvisioningSolution faasOnly() {
        return new ProvisioningSolution("faas-only", List.of(), List.of(new ProvisioningSolution.Period(0, Map.of(),
                List.of(ProvisioningSolution.Routing.faas("s1", 1024), ProvisioningSolution.Routing.faas("s2", 1024)))),
                List.of(), 1, null);
    }

    @Test
    void faasOnlyBillsEveryStartedMillisecondAndAddsTheHop() {
        // r0 exits at s1 after 10.2 ms: 1e-6 + 11·1e-6 = 1.2e-5 USD, latency 10.2 ms.
        // r1 runs s1 (10 ms), hops 5 ms, runs s2 (20.5 ms): 2e-6 + (10 + 21)·1e-6 = 3.3e-5 USD, latency 35.5 ms.
        ScriptedRequests requests = new ScriptedRequests().add(1.0, 0, 10.2, 20).add(2.0, 1, 10, 20.5);
        ProvisioningSimulator.Run run = ProvisioningSimulator.run(hand(0), faasOnly(), requests, 1);
        ProvisioningOutcome outcome = run.outcome();
        assertThat(outcome.requests()).isEqualTo(2);
        assertThat(outcome.faasCostUsd()).isCloseTo(4.5e-5, within(USD));
        assertThat(outcome.vmCostUsd()).isZero();
        assertThat(outcome.costUsd()).isCloseTo(4.5e-5, within(USD));
        assertThat(outcome.p99LatencyMs()).isCloseTo(35.5, within(MS));
        assertThat(run.p50LatencyMs()).isCloseTo(10.2, within(MS));
        assertThat(outcome.violationFraction()).isZero();
        assertThat(outcome.sloMet()).isTrue();
    }

    @Test
    void vmPoolQueuesFifoAndTheGuardDivertsToFaas() {
        // One 1-vCPU VM for s2, launched at −10 s, ready at 0, alive at T = 120: billed 130 s = 0.13 USD.
        // r0: s1 on FaaS 1.000–1.010, hop 5 ms, s2 on the VM 1.015–1.065: latency 65 ms.
        // r1: s1 1.001–1.011; the queue is empty, so VM; hop; it waits from 1.016 and runs 1.065–1.115: 114 ms.
        // r2: s1 1.010–1.020; r1 waits, and the guard (queue < 1 × 1 worker) blocks: overflow to FaaS,
        //     hop faasFaas 5 ms, s2 on FaaS 1.025–1.075: latency 65 ms, 1e-6 + 50e-6 USD more.
        // FaaS: 3 × 11e-6 (s1) + 51e-6 = 84e-6 USD. Latencies 65, 65, 114: p99 = 114, 1 of 3 above 100 ms.
        ProvisioningSolution plan = new ProvisioningSolution("hand",
                List.of(new ProvisioningSolution.Pool("p", "v1", List.of("s2"))),
                List.of(new ProvisioningSolution.Period(0, Map.of("p", 1), List.of(
                        ProvisioningSolution.Routing.faas("s1", 1024),
                        new ProvisioningSolution.Routing("s2", 1024, "p", 1.0, null, null)))),
                List.of(new ProvisioningSolution.Action(-10, ProvisioningSolution.Action.LAUNCH, "p", 1)), 1, null);
        ScriptedRequests requests = new ScriptedRequests().add(1.0, 1, 10, 50).add(1.001, 1, 10, 50)
                .add(1.010, 1, 10, 50);
        ProvisioningOutcome outcome = ProvisioningSimulator.run(hand(0), plan, requests, 1).outcome();
        assertThat(outcome.vmCostUsd()).isCloseTo(0.13, within(USD));
        assertThat(outcome.faasCostUsd()).isCloseTo(84e-6, within(USD));
        assertThat(outcome.costUsd()).isCloseTo(0.130084, within(USD));
        assertThat(outcome.p99LatencyMs()).isCloseTo(114, within(MS));
        assertThat(outcome.violationFraction()).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(outcome.sloMet()).isFalse();
        assertThat(outcome.vmToFaasOverflow()).isEqualTo(1);
        assertThat(ProvisioningVerifier.verify(hand(0), plan)).isEmpty();
    }

    @Test
    void periodCostsSpreadVmBillingOverItsBilledSecondsAndCountRequestsByArrival() {
        // The run above with H = 60 s: the VM's 130 billed seconds [−10, 120) give period 0 the 70 s
        // [−10, 60) = 0.07 USD (time before 0 counts in period 0) and period 1 the 60 s = 0.06 USD. All FaaS
        // (84e-6 USD) and all three requests, one of them late, are in period 0.
        ProvisioningSolution plan = new ProvisioningSolution("hand",
                List.of(new ProvisioningSolution.Pool("p", "v1", List.of("s2"))),
                List.of(new ProvisioningSolution.Period(0, Map.of("p", 1), List.of(
                        ProvisioningSolution.Routing.faas("s1", 1024),
                        new ProvisioningSolution.Routing("s2", 1024, "p", 1.0, null, null)))),
                List.of(new ProvisioningSolution.Action(-10, ProvisioningSolution.Action.LAUNCH, "p", 1)), 1, null);
        ScriptedRequests requests = new ScriptedRequests().add(1.0, 1, 10, 50).add(1.001, 1, 10, 50)
                .add(1.010, 1, 10, 50);
        ProvisioningSimulator.Periods periods = ProvisioningSimulator.run(hand(0), plan, requests, 1).periods();
        assertThat(periods.vmCostUsd()).containsExactly(new double[] {0.07, 0.06}, within(USD));
        assertThat(periods.faasCostUsd()).containsExactly(new double[] {84e-6, 0}, within(USD));
        assertThat(periods.costUsd(0)).isCloseTo(0.070084, within(USD));
        assertThat(periods.requests()).containsExactly(3, 0);
        assertThat(periods.violations()).containsExactly(1, 0);
    }

    @Test
    void terminationPicksBootingVmsFirstAndDrainingVmsAreBilledToTheirLastRequest() {
        // Two VMs launched at 0 (ids 0, 1). At 5 s both boot; the later launch, ties by highest id, is
        // vm1: billed max(60, 5) = 60 s. vm0 is ready at 10 s; r0 arrives at 15 s and runs s1 (3 s) and
        // s2 (4 s) on the same worker (the pool hosts both; no hop). At 20 s vm0 is terminated while
        // busy: it drains until 22 s and is billed max(60, 22) = 60 s. VM cost 2 × 0.06 USD.
        ProvisioningSolution plan = new ProvisioningSolution("hand",
                List.of(new ProvisioningSolution.Pool("p", "v1", List.of("s1", "s2"))),
                List.of(new ProvisioningSolution.Period(0, Map.of("p", 1), List.of(
                        new ProvisioningSolution.Routing("s1", 1024, "p", 1.0, null, null),
                        new ProvisioningSolution.Routing("s2", 1024, "p", 1.0, null, null)))),
                List.of(new ProvisioningSolution.Action(0, ProvisioningSolution.Action.LAUNCH, "p", 2),
                        new ProvisioningSolution.Action(5, ProvisioningSolution.Action.TERMINATE, "p", 1),
                        new ProvisioningSolution.Action(20, ProvisioningSolution.Action.TERMINATE, "p", 1)),
                1, null);
        ScriptedRequests requests = new ScriptedRequests().add(15, 1, 3000, 4000);
        ProvisioningOutcome outcome = ProvisioningSimulator.run(hand(0), plan, requests, 1).outcome();
        assertThat(outcome.vmCostUsd()).isCloseTo(0.12, within(USD));
        assertThat(outcome.faasCostUsd()).isZero();
        assertThat(outcome.p99LatencyMs()).isCloseTo(7000, within(MS));
        assertThat(outcome.vmToFaasOverflow()).isZero();
    }

    @Test
    void drainingPastTheMinimumIsBilledPerStartedSecond() {
        // One VM launched at 0, ready at 10, terminated at 20 while r0 (arrived at 15 s) runs s1 for 3 s
        // and s2 for 60.5 s on it: it drains until 78.5 s and is billed ⌈78.5⌉ = 79 s = 0.079 USD.
        ProvisioningSolution plan = new ProvisioningSolution("hand",
                List.of(new ProvisioningSolution.Pool("p", "v1", List.of("s1", "s2"))),
                List.of(new ProvisioningSolution.Period(0, Map.of("p", 1), List.of(
                        new ProvisioningSolution.Routing("s1", 1024, "p", 1.0, null, null),
                        new ProvisioningSolution.Routing("s2", 1024, "p", 1.0, null, null)))),
                List.of(new ProvisioningSolution.Action(0, ProvisioningSolution.Action.LAUNCH, "p", 1),
                        new ProvisioningSolution.Action(20, ProvisioningSolution.Action.TERMINATE, "p", 1)),
                1, null);
        ScriptedRequests requests = new ScriptedRequests().add(15, 1, 3000, 60_500);
        ProvisioningOutcome outcome = ProvisioningSimulator.run(hand(0), plan, requests, 1).outcome();
        assertThat(outcome.vmCostUsd()).isCloseTo(0.079, within(USD));
    }

    @Test
    void faasColdStartsDelayButAreNotBilledAndWarmContainersLiveForTheKeepAlive() {
        // L^F = 100 ms, keep-alive 10 s, one stage each. r0 at 1 s: cold, 110 ms, idle from 1.110.
        // r1 at 5 s: warm (3.89 s idle), 10 ms. r2 at 30 s: the container idled 24.99 s > 10 s: cold.
        // r3 at 30.001 s: r2 holds the only container: cold. 3 cold starts; each bills 1e-6 + 10e-6.
        ScriptedRequests requests = new ScriptedRequests().add(1, 0, 10, 20).add(5, 0, 10, 20)
                .add(30, 0, 10, 20).add(30.001, 0, 10, 20);
        ProvisioningSimulator.Run run = ProvisioningSimulator.run(hand(100), faasOnly(), requests, 1);
        assertThat(run.outcome().faasColdStarts()).isEqualTo(3);
        assertThat(run.outcome().faasCostUsd()).isCloseTo(44e-6, within(USD));
        assertThat(run.p50LatencyMs()).isCloseTo(110, within(MS));
        assertThat(run.maxLatencyMs()).isCloseTo(110, within(MS));
        assertThat(run.outcome().p99LatencyMs()).isCloseTo(110, within(MS));
    }

    @Test
    void theCreditRuleSendsTheShareAlphaToVmsAndTheCapDivertsTheRest() {
        // α = 0.5 and no cap: credit 0.5 (FaaS), 1 (VM), 0.5 (FaaS), 1 (VM) — requests 1 and 3 on the VM.
        // With vmMaxPerSecond 1, requests 0..3 in the same second: credits 1, 1 (cap), 1 (cap), 1 (cap).
        ProvisioningSolution half = vmPlan(0.5, null);
        ScriptedRequests requests = fourOneStageRequests();
        ProvisioningOutcome outcome = ProvisioningSimulator.run(hand(0), half, requests, 1).outcome();
        // FaaS: 2 × 11e-6 USD; no overflow.
        assertThat(outcome.faasCostUsd()).isCloseTo(22e-6, within(USD));
        assertThat(outcome.vmToFaasOverflow()).isZero();
        ProvisioningOutcome capped = ProvisioningSimulator.run(hand(0), vmPlan(1.0, 1), fourOneStageRequests(), 1)
                .outcome();
        assertThat(capped.vmToFaasOverflow()).isEqualTo(3);
        assertThat(capped.faasCostUsd()).isCloseTo(33e-6, within(USD));
    }

    private static ScriptedRequests fourOneStageRequests() {
        // Spaced 20 ms apart so the VM is always free (10 ms each) and the guard never blocks.
        return new ScriptedRequests().add(1.00, 0, 10, 20).add(1.02, 0, 10, 20).add(1.04, 0, 10, 20)
                .add(1.06, 0, 10, 20);
    }

    private static ProvisioningSolution vmPlan(double alpha, Integer cap) {
        return new ProvisioningSolution("hand", List.of(new ProvisioningSolution.Pool("p", "v1", List.of("s1"))),
                List.of(new ProvisioningSolution.Period(0, Map.of("p", 1), List.of(
                        new ProvisioningSolution.Routing("s1", 1024, "p", alpha, cap, null),
                        ProvisioningSolution.Routing.faas("s2", 1024)))),
                List.of(new ProvisioningSolution.Action(-10, ProvisioningSolution.Action.LAUNCH, "p", 1)), 1, null);
    }

    /** A periods[] entry with fromSeconds = 30 sends s2 to the pool from 30 s on, inside period 0. */
    private static ProvisioningSolution changeAt(double fromSeconds, int vmCountThen) {
        return new ProvisioningSolution("hand",
                List.of(new ProvisioningSolution.Pool("p", "v1", List.of("s2"))),
                List.of(new ProvisioningSolution.Period(0, Map.of("p", 1), List.of(
                                ProvisioningSolution.Routing.faas("s1", 1024), ProvisioningSolution.Routing.faas("s2", 1024))),
                        new ProvisioningSolution.Period(0, fromSeconds, Map.of("p", vmCountThen), List.of(
                                ProvisioningSolution.Routing.faas("s1", 1024),
                                new ProvisioningSolution.Routing("s2", 1024, "p", 1.0, null, null)))),
                List.of(new ProvisioningSolution.Action(-10, ProvisioningSolution.Action.LAUNCH, "p", 1)), 1, null);
    }

    @Test
    void aRoutingChangeInsideAPeriodAppliesFromItsTime() {
        // r0 at 10 s: s1 FaaS 10 ms (11e-6 USD), hop 5 ms, s2 FaaS 20 ms (21e-6 USD): 35 ms.
        // r1 at 40 s: s1 FaaS 10 ms (11e-6 USD), hop 5 ms, s2 on the VM 20 ms: 35 ms.
        // FaaS 43e-6 USD; the VM from −10 s to T = 120 s: 130 s = 0.13 USD.
        ScriptedRequests requests = new ScriptedRequests().add(10, 1, 10, 20).add(40, 1, 10, 20);
        ProvisioningOutcome outcome = ProvisioningSimulator.run(hand(0), changeAt(30, 1), requests, 1).outcome();
        assertThat(outcome.faasCostUsd()).isCloseTo(43e-6, within(USD));
        assertThat(outcome.vmCostUsd()).isCloseTo(0.13, within(USD));
        assertThat(outcome.p99LatencyMs()).isCloseTo(35, within(MS));
        assertThat(ProvisioningVerifier.verify(hand(0), changeAt(30, 1))).isEmpty();
        // The verifier counts ready VMs at the entry's start, and the start must lie inside its period.
        assertThat(ProvisioningVerifier.verify(hand(0), changeAt(30, 2)))
                .extracting(Violation::message)
                .containsExactly("the actions give 1 ready VMs in pool p at the entry's start (t = 30.0 s), "
                        + "vmCount says 2");
        assertThat(ProvisioningVerifier.verify(hand(0), changeAt(70, 1)))
                .extracting(Violation::location)
                .contains("$.periods[1].fromSeconds");
    }
}
