package io.cloudopt.solvers.provisioning.timefold;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudopt.instances.Samples;
import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.provisioning.ProvisioningInstance;
import io.cloudopt.model.provisioning.ProvisioningProblem;
import io.cloudopt.model.provisioning.ProvisioningSimulator;
import io.cloudopt.model.provisioning.ProvisioningSolution;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.VerifiedSolve;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A full day of the reference instance {@code branchynet-resnet110}: the plan verifies; numbers are logged. */
@Tag("slow")
class ProvisioningTimefoldReferenceTest {
    private static final Logger LOG = LoggerFactory.getLogger(ProvisioningTimefoldReferenceTest.class);
    static final ProvisioningInstance REFERENCE = (ProvisioningInstance) Samples.read(
            Samples.find("provisioning", "branchynet-resnet110").orElseThrow()).instance();

    @ParameterizedTest
    @ValueSource(ints = {30, 60})
    void referenceDayVerifies(int seconds) {
        SolveOptions options = new SolveOptions(Duration.ofSeconds(seconds), 1, 1L, false);
        VerifiedSolve<ProvisioningSolution> solve = VerifiedSolve.run(ProvisioningProblem.INSTANCE,
                new ProvisioningTimefold(), REFERENCE, options);
        assertThat(solve.violations()).isEmpty();
        assertThat(solve.report().status()).isEqualTo(SolveStatus.FEASIBLE);
        ProvisioningSimulator.Run run = ProvisioningSimulator.run(REFERENCE, solve.report().solution(), 1L);
        LOG.info("reference {} s: model {} $, score {}, construction {} $, simulated {} $ (vm {}, faas {}), p99 {} ms, "
                        + "violations {}, sloMet {}, overflow {}, wall {} s, pools {}, periods listed {}, actions {}",
                seconds, solve.report().stats().get("modelObjective"), solve.report().stats().get("score"),
                solve.report().stats().get("constructionModelObjective"), run.outcome().costUsd(),
                run.outcome().vmCostUsd(), run.outcome().faasCostUsd(), run.outcome().p99LatencyMs(),
                run.outcome().violationFraction(), run.outcome().sloMet(), run.outcome().vmToFaasOverflow(),
                solve.report().wallSeconds(), solve.report().solution().pools().size(),
                solve.report().solution().periods().size(), solve.report().solution().actions().size());
    }
}
