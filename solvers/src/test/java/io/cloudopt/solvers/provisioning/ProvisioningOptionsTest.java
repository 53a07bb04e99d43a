package io.cloudopt.solvers.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cloudopt.model.provisioning.ProvisioningInstance;
import io.cloudopt.model.provisioning.ProvisioningTails;
import io.cloudopt.solvers.provisioning.ProvisioningOptions.Dominance;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The option tables of §7 on the reference instance. */
class ProvisioningOptionsTest {
    private static final ProvisioningInstance REFERENCE = ProvisioningReference.INSTANCE;
    private static final ProvisioningOptions OPTIONS = ProvisioningOptions.of(REFERENCE);
    private static final int C5_LARGE = 0;
    private static final int C5_XLARGE = 1;
    private static final int M5_LARGE = 2;

    @Test
    void everyOptionFollowsTheGridAndTheFormulas() {
        double rate = 80;
        double seconds = 300;
        for (int i = 0; i < 3; i++) {
            ProvisioningOptionTable table = OPTIONS.table(i, rate, rate, seconds, Dominance.NONE);
            double reach = REFERENCE.reach(i);
            double serviceMs = REFERENCE.stages().get(i).serviceMeanMs();
            double scv = ProvisioningTails.scv(REFERENCE.stages().get(i).serviceDistribution());
            for (int o = 0; o < table.size(); o++) {
                double alpha = table.vmFraction(o);
                int n = table.vmCount(o);
                assertThat(alpha > 0).isEqualTo(n >= 1);
                assertThat(table.memoryMiB(o)).isGreaterThanOrEqualTo(REFERENCE.stages().get(i).minMemoryMiB());
                assertThat(table.budgetMs(o)).isBetween(0.0, 200.0);
                double faas = (1 - alpha) * reach * rate * seconds
                        * ProvisioningTails.faasUsdPerInvocation(REFERENCE, i, table.memoryMiB(o));
                assertThat(table.faasUsd(o)).isCloseTo(faas, within(1e-12));
                if (n == 0) {
                    assertThat(table.vmUsd(o)).isZero();
                    continue;
                }
                ProvisioningInstance.VmType type = REFERENCE.vmTypes().get(table.vmType(o));
                assertThat(table.vmUsd(o)).isCloseTo(n * type.usdPerHour() * seconds / 3600, within(1e-12));
                int servers = n * type.vcpus();
                double mu = 1000 * type.speedFactor() / serviceMs;
                assertThat(alpha * reach * rate).isLessThan(0.9 * servers * mu);
                double wait = ProvisioningTails.waitTail(servers, alpha * reach * rate / mu, mu, scv,
                        table.budgetMs(o) / 1000);
                double slowdown = REFERENCE.faas().slowdown(table.memoryMiB(o));
                double faasTail = slowdown == 1 ? 0 : 1 - ProvisioningTails.serviceMs(REFERENCE.stages().get(i),
                        slowdown - 1).cumulativeProbability(table.budgetMs(o));
                assertThat(table.risk(o)).isCloseTo(alpha * wait + (1 - alpha) * faasTail, within(1e-12));
                int maxN = (int) Math.ceil(1.2 * reach * rate * serviceMs / 1000 / type.vcpus());
                assertThat(n).isLessThanOrEqualTo(maxN);
            }
        }
    }

    /** §7: dominance removes m5.large, and c5.xlarge n ties with c5.large 2n (the lower index stays). */
    @Test
    void dominanceRemovesM5LargeAndTheC5XlargeTwins() {
        for (double rate : new double[] {20, 80, 200}) {
            for (int i = 0; i < 3; i++) {
                ProvisioningOptionTable full = OPTIONS.table(i, rate, rate, 300, Dominance.NONE);
                ProvisioningOptionTable reduced = OPTIONS.table(i, rate, rate, 300, Dominance.COST);
                assertThat(reduced.size()).isLessThan(full.size());
                Set<Integer> types = new HashSet<>();
                for (int o = 0; o < reduced.size(); o++) {
                    types.add(reduced.vmType(o));
                    if (reduced.vmType(o) == C5_XLARGE) {
                        // Only when its twin c5.large 2n is beyond c5.large's n_max.
                        assertThat(2 * reduced.vmCount(o)).isGreaterThan(OPTIONS.maxVms(i, C5_LARGE, rate));
                    }
                }
                assertThat(types).as("stage %d rate %s", i, rate).doesNotContain(M5_LARGE);
                assertNoOptionDominated(reduced);
            }
        }
        assertThat(OPTIONS.typeKept(2, C5_LARGE)).isTrue();
        assertThat(OPTIONS.typeKept(2, C5_XLARGE)).isFalse();
        assertThat(OPTIONS.typeKept(2, M5_LARGE)).isFalse();
    }

    @Test
    void periodDominanceKeepsAnOptionForEveryUndominatedOne() {
        ProvisioningOptionTable full = OPTIONS.table(2, 60, 60, 300, Dominance.NONE);
        ProvisioningOptionTable reduced = OPTIONS.table(2, 60, 60, 300, Dominance.PERIOD);
        for (int o = 0; o < full.size(); o++) {
            if (full.vmType(o) > 0) {
                continue;
            }
            boolean covered = false;
            for (int p = 0; p < reduced.size() && !covered; p++) {
                covered = reduced.faasUsd(p) <= full.faasUsd(o) && reduced.risk(p) <= full.risk(o)
                        && reduced.budgetLevel(p) <= full.budgetLevel(o) && (reduced.vmCount(p) == 0
                        || reduced.vmType(p) == full.vmType(o) && reduced.vmCount(p) <= full.vmCount(o));
            }
            assertThat(covered).as("option %d", o).isTrue();
        }
    }

    private static void assertNoOptionDominated(ProvisioningOptionTable table) {
        String dominated = null;
        for (int o = 0; o < table.size() && dominated == null; o++) {
            for (int p = 0; p < table.size(); p++) {
                if (p != o && table.costUsd(p) <= table.costUsd(o) && table.risk(p) <= table.risk(o)
                        && table.budgetLevel(p) <= table.budgetLevel(o)) {
                    dominated = p + " dominates " + o;
                    break;
                }
            }
        }
        assertThat(dominated).isNull();
    }

    @Test
    void budgetAndServiceLevels() {
        assertThat(OPTIONS.budgetLevels()).isEqualTo(41);
        assertThat(OPTIONS.serviceLevels()).isEqualTo(81);
        assertThat(OPTIONS.sharedTerm(10)).isCloseTo(0.002322, within(0.5e-6));
    }
}
