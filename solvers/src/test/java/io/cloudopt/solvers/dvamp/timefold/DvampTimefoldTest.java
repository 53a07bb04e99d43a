package io.cloudopt.solvers.dvamp.timefold;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.config.solver.EnvironmentMode;
import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.common.Termination;
import io.cloudopt.model.dvamp.DvampEpisode;
import io.cloudopt.model.dvamp.DvampInstance;
import io.cloudopt.model.dvamp.DvampProblem;
import io.cloudopt.model.dvamp.DvampSemantics;
import io.cloudopt.model.dvamp.DvampSolution;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.SolveReport;
import io.cloudopt.solvers.common.VerifiedSolve;
import io.cloudopt.solvers.dvamp.DvampSolvers;
import io.cloudopt.solvers.dvamp.DvampTestInstances;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DvampTimefoldTest {
    private static final SolveOptions TWO_SECONDS = new SolveOptions(Duration.ofSeconds(2), 1, 7L, false);

    /** The §3 example: every policy gives 380, the offline optimum; nothing better exists. */
    @Test
    void exampleKeepsTheOptimum() {
        DvampInstance instance = DvampTestInstances.example();
        VerifiedSolve<DvampSolution> solve = VerifiedSolve.run(DvampProblem.INSTANCE, new DvampTimefold(), instance,
                SolveOptions.withTimeLimit(Duration.ofSeconds(1)));
        assertThat(solve.violations()).isEmpty();
        SolveReport<DvampSolution> report = solve.report();
        assertThat(report.status()).isEqualTo(SolveStatus.FEASIBLE);
        assertThat(report.termination()).isEqualTo(Termination.TIME_LIMIT);
        assertThat(report.objective()).isEqualTo(380.0);
        assertThat(report.bound()).isNull();
        assertThat(report.solution().schedule()).isEqualTo(DvampSolution.Schedule.OFFLINE);
        assertThat(report.stats()).doesNotContainKey("objectiveMismatch");
    }

    /** A window starting in a full cluster: verified, never worse than its construction (the best greedy). */
    @Test
    void trafficWindowIsVerifiedAndNoWorseThanTheBestGreedy() {
        DvampInstance instance = DvampTestInstances.window(72412, 887, 60);
        VerifiedSolve<DvampSolution> solve = VerifiedSolve.run(DvampProblem.INSTANCE, new DvampTimefold(), instance,
                TWO_SECONDS);
        assertThat(solve.violations()).isEmpty();
        SolveReport<DvampSolution> report = solve.report();
        assertThat(report.status()).isEqualTo(SolveStatus.FEASIBLE);
        double construction = (double) report.stats().get("constructionObjective");
        assertThat(construction).isPositive();
        assertThat(report.objective()).isLessThanOrEqualTo(construction);
        assertThat(report.stats()).doesNotContainKey("objectiveMismatch");
    }

    /** Timefold's own checks: shadow start times after every move equal a fresh decode (no corruption). */
    @Test
    void shadowStartTimesSurviveFullAssert() {
        DvampInstance instance = DvampTestInstances.window(94599, 1049, 25);
        SolveReport<DvampSolution> report = new DvampTimefold(EnvironmentMode.FULL_ASSERT).solve(instance,
                TWO_SECONDS);
        assertThat(report.status()).isEqualTo(SolveStatus.FEASIBLE);
        assertThat(DvampProblem.INSTANCE.verify(instance, report.solution())).isEmpty();
    }

    @Test
    void aWindowWithoutWaitingConverges() {
        DvampInstance instance = DvampTestInstances.window(72412, 50, 30);
        SolveReport<DvampSolution> report = new DvampTimefold().solve(instance, TWO_SECONDS);
        assertThat(report.objective()).isZero();
        assertThat(report.termination()).isEqualTo(Termination.CONVERGED);
    }

    @Test
    void vmagentIsRejectedWithAClearMessage() {
        DvampInstance spane = DvampTestInstances.example();
        DvampInstance vmagent = new DvampInstance(spane.name(), spane.description(), spane.source(),
                DvampSemantics.VMAGENT, spane.pmCount(), spane.cpuCoresPerNuma(), spane.memoryGiBPerNuma(),
                spane.doubleNumaThresholdGiB(), true, DvampEpisode.placements(3), null, null, null, spane.vms());
        SolveReport<DvampSolution> report = new DvampTimefold().solve(vmagent, TWO_SECONDS);
        assertThat(report.status()).isEqualTo(SolveStatus.MODEL_INVALID);
        assertThat(report.solution()).isNull();
        assertThat((String) report.stats().get("message")).contains("semantics (vmagent)").contains("spane");
    }

    @Test
    void registeredInTheCatalog() {
        assertThat(DvampSolvers.CATALOG.create("timefold").name()).isEqualTo("timefold");
        assertThat(DvampSolvers.CATALOG.create("greedy-ilp-step").name()).isEqualTo("greedy-ilp-step");
    }
}
