package io.cloudopt.solvers.provisioning.timefold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.provisioning.ProvisioningInstance;
import io.cloudopt.model.provisioning.ProvisioningProblem;
import io.cloudopt.model.provisioning.ProvisioningSolution;
import io.cloudopt.model.provisioning.ProvisioningVerifier;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.SolveReport;
import io.cloudopt.solvers.common.VerifiedSolve;
import io.cloudopt.solvers.provisioning.ProvisioningOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The §8 Timefold model on tiny instances, against the brute-force optimum of the same model. */
class ProvisioningTimefoldTest {
    /** α ∈ {¼, ½, ¾, 1}, b and B_g in steps of 25 ms, b ≤ 100, at most 3 VMs. */
    static final ProvisioningOptions.Grid TINY_GRID = new ProvisioningOptions.Grid(4, 25, 100, 0.9, 1.2, 3);
    /**
     * Annealing with a step limit, so that runs repeat exactly. (Late acceptance can stall on a tiny plan:
     * once its late score equals the current one it accepts no worsening move, and no step ends.)
     */
    static final ProvisioningTimefold.Config TINY = new ProvisioningTimefold.Config(ProvisioningTimefold.Rates.REALISED,
            TINY_GRID, ProvisioningOptions.Dominance.PERIOD, null, 3000, ProvisioningTimefold.Search.ANNEALING);

    /**
     * The reference instance cut to {@code periods} periods of {@code periodSeconds} with the mean rate
     * {@code meanPerSecond}; with two stages (11 ms and 94 ms, exits ½, ½) or the reference three.
     */
    static ProvisioningInstance tiny(int stageCount, int periods, int periodSeconds, double meanPerSecond,
                                     double coldStartSeconds) {
        ProvisioningInstance reference = ProvisioningTimefoldReferenceTest.REFERENCE;
        List<ProvisioningInstance.Stage> stages = new ArrayList<>(reference.stages());
        if (stageCount == 2) {
            ProvisioningInstance.Stage first = stages.get(0);
            ProvisioningInstance.Stage last = stages.get(2);
            stages = List.of(new ProvisioningInstance.Stage(first.id(), 0.5, first.serviceMeanMs(),
                            first.serviceDistribution(), first.minMemoryMiB()),
                    new ProvisioningInstance.Stage(last.id(), 0.5, last.serviceMeanMs(), last.serviceDistribution(),
                            last.minMemoryMiB()));
        }
        ProvisioningInstance.Arrivals arrivals = reference.arrivals();
        return new ProvisioningInstance("tiny", "", null, periods * periodSeconds, periodSeconds, stages,
                reference.faas(), reference.vmTypes(), coldStartSeconds, reference.vmMinBillingSeconds(),
                reference.transferMs(), reference.slo(), ProvisioningInstance.Arrivals.diurnal(meanPerSecond,
                arrivals.amplitude(), arrivals.peakSecond(), arrivals.burst()), reference.simulation());
    }

    static SolveOptions options(long seed) {
        return new SolveOptions(Duration.ofSeconds(10), 1, seed, false);
    }

    /** Feasible (hard 0), verified, FEASIBLE with no bound, and the brute-force optimum of the model. */
    @ParameterizedTest(name = "{0} stages, {1} req/s, seed {2}")
    @CsvSource({"2, 90, 2", "3, 80, 3", "3, 120, 4"})
    void tinyPlanVerifiesAndReachesTheOptimum(int stages, double meanPerSecond, long seed) {
        ProvisioningInstance instance = tiny(stages, 4, 300, meanPerSecond, 100);
        VerifiedSolve<ProvisioningSolution> solve = VerifiedSolve.run(ProvisioningProblem.INSTANCE,
                new ProvisioningTimefold(TINY), instance, options(seed));
        SolveReport<ProvisioningSolution> report = solve.report();
        assertThat(solve.violations()).isEmpty();
        assertThat(report.status()).isEqualTo(SolveStatus.FEASIBLE);
        assertThat(report.bound()).isNull();
        HardSoftLongScore score = HardSoftLongScore.parseScore((String) report.stats().get("score"));
        assertThat(score.hardScore()).isZero();

        PlanTables tables = ProvisioningTimefold.tables(instance, TINY, seed);
        long optimum = ProvisioningBruteForce.optimumMicro(tables);
        assertThat(-score.softScore()).as("seed %d", seed).isGreaterThanOrEqualTo(optimum).isEqualTo(optimum);
        // The USD model cost agrees with the micro-USD score up to the rounding of each term.
        double modelUsd = (double) report.stats().get("modelObjective");
        assertThat(modelUsd).isCloseTo(-score.softScore() / 1e6, within(4.0 * stages * 4 / 1e6));
        // The optimum is not the FaaS-only construction on these rates: VMs pay.
        assertThat((double) report.stats().get("constructionModelObjective")).isGreaterThan(modelUsd);
    }

    @Test
    void sameSeedSamePlan() {
        ProvisioningInstance instance = tiny(3, 4, 300, 80, 100);
        ProvisioningTimefold solver = new ProvisioningTimefold(TINY.withStepLimit(1000));
        ProvisioningSolution first = solver.solve(instance, options(5)).solution();
        ProvisioningSolution second = solver.solve(instance, options(5)).solution();
        assertThat(second).isEqualTo(first);
        assertThat(first.seed()).isEqualTo(5);
    }

    /**
     * With L^V &gt; H (60 s periods, 100 s boot) a VM is held across a one-period gap; Timefold's
     * FULL_ASSERT recomputes every incremental score from scratch, and the plan still verifies.
     */
    @Test
    void incrementalScoreHoldsWhenVmsBridgeGaps() {
        ProvisioningInstance instance = tiny(2, 8, 60, 90, 100);
        ProvisioningTimefold solver = new ProvisioningTimefold(TINY.withStepLimit(300), EnvironmentMode.FULL_ASSERT);
        VerifiedSolve<ProvisioningSolution> solve = VerifiedSolve.run(ProvisioningProblem.INSTANCE, solver, instance,
                options(1));
        assertThat(solve.violations()).isEmpty();
        assertThat(solve.report().status()).isEqualTo(SolveStatus.FEASIBLE);
    }

    /** n = v, 0, v with H = 60 s and L^V = 100 s: the VMs are held through the gap (60 s ≤ 100 s), one launch. */
    @Test
    void aShortGapIsHeldAndTheActionsReproduceTheCounts() {
        ProvisioningInstance instance = tiny(2, 4, 60, 90, 100);
        PlanTables tables = ProvisioningTimefold.tables(instance, TINY, 1);
        assertThat(tables.maxBridge).isEqualTo(1);
        assertThat(tables.readyVms(new int[] {1, 0, 1, 0})).containsExactly(1, 1, 1, 0);
        assertThat(tables.readyVms(new int[] {2, 0, 0, 1})).containsExactly(2, 0, 0, 1);
        assertThat(tables.readyVms(new int[] {2, 1, 2, 0})).containsExactly(2, 2, 2, 0);
        int[][] choice = new int[4][2];
        for (int t = 0; t < 4; t++) {
            choice[t][0] = tables.faasOnly[0][t];
            choice[t][1] = tables.faasOnly[1][t];
        }
        int vms = 1;
        while (vms <= 3 && (empty(tables.rangeOf(0, 1, 0, vms)) || empty(tables.rangeOf(2, 1, 0, vms)))) {
            vms++;
        }
        assertThat(vms).as("a c5.large count usable in periods 0 and 2").isLessThanOrEqualTo(3);
        for (int t : new int[] {0, 2}) {
            choice[t][1] = tables.byKey[t][1][tables.rangeOf(t, 1, 0, vms)[0]];
        }
        ProvisioningSolution plan = ProvisioningTimefold.solution(tables, choice, 1, "timefold");
        assertThat(ProvisioningVerifier.verify(instance, plan)).isEmpty();
        assertThat(plan.actions()).hasSize(2);
        assertThat(plan.actions().get(0).timeSeconds()).isEqualTo(-100);
        assertThat(plan.actions().get(1).timeSeconds()).isEqualTo(180);
        // Three VM-periods and one launch of a c5.large, plus the FaaS cost of the options.
        double faas = 0;
        for (int t = 0; t < 4; t++) {
            faas += tables.tables[t][0].faasUsd(choice[t][0]) + tables.tables[t][1].faasUsd(choice[t][1]);
        }
        double perSecond = 0.085 / 3600;
        assertThat(tables.modelCostUsd(choice)).isCloseTo(faas + vms * perSecond * (3 * 60 + 100), within(1e-12));
        int[] levels = new int[4];
        long vmMicro = tables.score(choice, levels)[1];
        long faasMicro = 0;
        for (int t = 0; t < 4; t++) {
            faasMicro += tables.faasMicro[t][0][choice[t][0]] + tables.faasMicro[t][1][choice[t][1]];
        }
        assertThat(vmMicro - faasMicro).isEqualTo(vms * (3 * tables.vmPeriodMicro[0] + tables.launchMicro[0]));
    }

    /** Re-planning one stage over all periods, the others fixed, never worsens the (hard, cost) score. */
    @Test
    void reoptimizingAStageNeverWorsensThePlan() {
        ProvisioningInstance instance = tiny(3, 4, 300, 120, 100);
        PlanTables tables = ProvisioningTimefold.tables(instance, TINY, 4);
        ProvisioningPlan plan = ProvisioningTimefold.construct(tables);
        int[][] choice = plan.choice();
        long[] before = tables.score(choice, plan.levelChoice());
        for (int i = 0; i < 3; i++) {
            int[] stagePlan = tables.reoptimizeStage(i, choice);
            for (int t = 0; t < 4; t++) {
                choice[t][i] = stagePlan[t];
            }
        }
        int[] levels = new int[4];
        for (int t = 0; t < 4; t++) {
            levels[t] = tables.levelFor(tables.budgetUs(t, choice[t]));
        }
        long[] after = tables.score(choice, levels);
        assertThat(after[0]).isZero();
        assertThat(after[1]).isLessThan(before[1]);
        assertThat(after[1]).isGreaterThanOrEqualTo(ProvisioningBruteForce.optimumMicro(tables));
    }

    private static boolean empty(int[] span) {
        return span[1] == span[0];
    }
}
