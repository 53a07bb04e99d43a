package io.cloudopt.solvers.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.provisioning.ProvisioningInstance;
import io.cloudopt.model.provisioning.ProvisioningSolution;
import io.cloudopt.model.provisioning.ProvisioningVerifier;
import io.cloudopt.solvers.common.MpSolverSupport;
import io.cloudopt.solvers.common.SolveOptions;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On seeded tiny instances and grids: the SCIP optimum equals the brute-force optimum of the same model,
 * the CP-SAT optimum equals the brute force on the integer-scaled model, both agree on infeasibility,
 * dominance never changes the optimum, and the compiled plans pass the verifier.
 */
class ProvisioningExactCrossCheckTest {
    private static final SolveOptions OPTIONS = SolveOptions.withTimeLimit(Duration.ofSeconds(20));

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 30);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void milpAndCpSatAgreeWithBruteForce(long seed) {
        ProvisioningInstance instance = ProvisioningTinyInstances.random(seed);
        ProvisioningOptions.SloBound bound = seed % 5 == 0 ? ProvisioningOptions.SloBound.PLAIN
                : ProvisioningOptions.SloBound.SPLIT;
        ProvisioningOptions options = ProvisioningOptions.of(instance, ProvisioningTinyInstances.GRID, bound);
        ProvisioningPlanModel full = model(instance, options, ProvisioningOptions.Dominance.NONE);
        ProvisioningPlanModel reduced = model(instance, options, full.isMultiPeriod()
                ? ProvisioningOptions.Dominance.PERIOD : ProvisioningOptions.Dominance.COST);
        OptionalDouble brute = ProvisioningBruteForce.optimum(full, false);
        OptionalDouble bruteReduced = ProvisioningBruteForce.optimum(reduced, false);
        assertThat(bruteReduced.isPresent()).as("seed %d: dominance keeps feasibility", seed)
                .isEqualTo(brute.isPresent());
        if (brute.isPresent()) {
            assertThat(bruteReduced.getAsDouble()).as("seed %d: dominance keeps the optimum", seed)
                    .isCloseTo(brute.getAsDouble(), within(1e-9));
        }

        ProvisioningMilp.Solved milp = ProvisioningMilp.solve(full, MpSolverSupport.Backend.SCIP,
                OPTIONS, System.nanoTime(), 0, null);
        if (brute.isEmpty()) {
            assertThat(milp.outcome().status()).as("seed %d milp", seed).isEqualTo(SolveStatus.INFEASIBLE);
        } else {
            assertThat(milp.outcome().status()).as("seed %d milp", seed).isEqualTo(SolveStatus.OPTIMAL);
            assertThat(milp.outcome().objective()).as("seed %d milp", seed).isCloseTo(brute.getAsDouble(),
                    within(1e-7 * Math.max(1, brute.getAsDouble())));
            assertThat(full.cost(milp.choice())).isCloseTo(milp.outcome().objective(), within(1e-7));
            if (full.isMultiPeriod()) {
                ProvisioningSolution plan = ProvisioningPlans.compile(instance, "oracle", seed,
                        ProvisioningOracle.decisions(full, milp.choice()));
                assertThat(ProvisioningVerifier.verify(instance, plan)).as("seed %d plan", seed).isEmpty();
            } else {
                ProvisioningSolution plan = ProvisioningPlans.compile(instance, "milp-static", seed,
                        List.of(ProvisioningStaticSolver.decision(full, milp.choice())));
                assertThat(ProvisioningVerifier.verify(instance, plan)).as("seed %d plan", seed).isEmpty();
            }
        }

        OptionalDouble scaled = ProvisioningBruteForce.optimum(full, true);
        ProvisioningCpSat.Solved cpsat = ProvisioningCpSat.solve(full, OPTIONS, System.nanoTime());
        if (scaled.isEmpty()) {
            assertThat(cpsat.outcome().status()).as("seed %d cpsat", seed).isEqualTo(SolveStatus.INFEASIBLE);
        } else {
            assertThat(cpsat.outcome().status()).as("seed %d cpsat", seed).isEqualTo(SolveStatus.OPTIMAL);
            assertThat(cpsat.outcome().objective()).as("seed %d cpsat", seed).isEqualTo(scaled.getAsDouble());
            // Every scaled-feasible plan is feasible unscaled, at a cost within the rounding.
            assertThat(brute).isPresent();
            assertThat(scaled.getAsDouble() / ProvisioningPlanModel.MICRO_USD)
                    .isGreaterThanOrEqualTo(brute.getAsDouble() - 1e-9);
        }
    }

    /** The seeds cover infeasible and feasible, one- and two-period, split and plain models. */
    @Test
    void theSeedsCoverEveryCase() {
        int infeasible = 0;
        int multiPeriod = 0;
        int plain = 0;
        int usingVms = 0;
        for (long seed : seeds().toArray()) {
            ProvisioningInstance instance = ProvisioningTinyInstances.random(seed);
            ProvisioningOptions options = ProvisioningOptions.of(instance, ProvisioningTinyInstances.GRID,
                    seed % 5 == 0 ? ProvisioningOptions.SloBound.PLAIN : ProvisioningOptions.SloBound.SPLIT);
            ProvisioningPlanModel model = model(instance, options, ProvisioningOptions.Dominance.NONE);
            infeasible += ProvisioningBruteForce.optimum(model, false).isEmpty() ? 1 : 0;
            multiPeriod += model.isMultiPeriod() ? 1 : 0;
            plain += model.splitBound() ? 0 : 1;
            ProvisioningMilp.Solved milp = ProvisioningMilp.solve(model,
                    MpSolverSupport.Backend.SCIP, OPTIONS, System.nanoTime(), 0, null);
            if (milp.choice() != null) {
                boolean vm = false;
                for (int t = 0; t < model.periods(); t++) {
                    for (int i = 0; i < model.stages(); i++) {
                        vm |= model.table(t, i).usesVm(milp.choice().option()[t][i]);
                    }
                }
                usingVms += vm ? 1 : 0;
            }
        }
        assertThat(infeasible).isBetween(3, 20);
        assertThat(multiPeriod).isBetween(5, 25);
        assertThat(plain).isEqualTo(6);
        assertThat(usingVms).isGreaterThanOrEqualTo(3);
    }

    /** One period: the static form at λ̄ of period 0; two periods: the multi-period form at λ̄_t. */
    static ProvisioningPlanModel model(ProvisioningInstance instance, ProvisioningOptions options,
                                       ProvisioningOptions.Dominance dominance) {
        double[] rates = ProvisioningRates.expected(instance);
        if (rates.length == 1) {
            ProvisioningOptionTable[] tables = new ProvisioningOptionTable[instance.stages().size()];
            for (int i = 0; i < tables.length; i++) {
                tables[i] = options.table(i, rates[0], rates[0], instance.horizonSeconds(), dominance);
            }
            return ProvisioningPlanModel.oneShot(options, tables);
        }
        return ProvisioningPlanModel.multiPeriod(options, ProvisioningOracle.tables(options, rates,
                ProvisioningRates.max(rates), dominance), 0, null, null);
    }
}
