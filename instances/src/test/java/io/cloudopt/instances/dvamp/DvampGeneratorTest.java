package io.cloudopt.instances.dvamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cloudopt.model.common.InputException;
import io.cloudopt.model.common.Instances;
import io.cloudopt.model.dvamp.DvampEpisode;
import io.cloudopt.model.dvamp.DvampInstance;
import io.cloudopt.model.dvamp.DvampProblem;
import io.cloudopt.model.dvamp.DvampSemantics;
import io.cloudopt.model.dvamp.DvampTrace;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link DvampGenerator}: the statistics of problems/dvamp.md §11 on a large sample, and reproducibility. */
class DvampGeneratorTest {
    private static final int SAMPLE = 400_000;
    private static DvampTrace sample;

    @BeforeAll
    static void generate() {
        sample = DvampGenerator.trace(20_250_917L, SAMPLE);
    }

    @Test
    void typeSharesMatchTheTrace() {
        long total = Arrays.stream(DvampGenerator.TYPES).mapToLong(type -> type[2]).sum();
        assertThat(total).isEqualTo(116_313);
        for (int[] type : DvampGenerator.TYPES) {
            long count = 0;
            for (int j = 0; j < SAMPLE; j++) {
                count += sample.cpuCores(j) == type[0] && sample.memoryGiB(j) == type[1] ? 1 : 0;
            }
            double expected = (double) type[2] / total;
            // Binomial standard deviation at most 0.08 % for this sample; allow about five.
            assertThat((double) count / SAMPLE).as("share of %dU%dG", type[0], type[1])
                    .isCloseTo(expected, within(0.004));
        }
    }

    @Test
    void interArrivalsMatchTheTrace() {
        long[] gaps = new long[SAMPLE - 1];
        long zeros = 0;
        double sum = 0;
        for (int j = 1; j < SAMPLE; j++) {
            gaps[j - 1] = sample.arrivalSeconds(j) - sample.arrivalSeconds(j - 1);
            zeros += gaps[j - 1] == 0 ? 1 : 0;
            sum += gaps[j - 1];
        }
        Arrays.sort(gaps);
        assertThat((double) zeros / gaps.length).isCloseTo(0.34, within(0.005));
        assertThat(sum / gaps.length).isCloseTo(23.7, within(0.5));
        assertThat(DvampGenerator.quantile(gaps, 0.5)).isEqualTo(1);
        assertThat(DvampGenerator.quantile(gaps, 0.75)).isBetween(25L, 27L);
        assertThat(DvampGenerator.quantile(gaps, 0.9)).isBetween(64L, 68L);
        assertThat(DvampGenerator.quantile(gaps, 0.99)).isBetween(234L, 248L);
    }

    @Test
    void lifetimesMatchTheTrace() {
        long[] lifetimes = new long[SAMPLE];
        for (int j = 0; j < SAMPLE; j++) {
            lifetimes[j] = sample.lifetimeSeconds(j);
        }
        Arrays.sort(lifetimes);
        assertThat(lifetimes[0]).isGreaterThanOrEqualTo(1);
        assertThat(lifetimes[SAMPLE - 1]).isLessThanOrEqualTo(2_540_293);
        for (int d = 1; d <= 9; d++) {
            long expected = DvampGenerator.LIFETIME_DECILES[d - 1];
            assertThat(DvampGenerator.quantile(lifetimes, d / 10.0)).as("decile %d", d)
                    .isCloseTo(expected, within(Math.max(2, Math.round(0.03 * expected))));
        }
        // The integrated mean of the curve is the target; a heavy tail lets a sample mean wander more.
        assertThat(DvampGenerator.LIFETIMES.mean()).isCloseTo(17_192, within(20.0));
        assertThat(Arrays.stream(lifetimes).average().orElseThrow()).isCloseTo(17_192, within(1_500.0));
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() {
        DvampGenerator.Options options = DvampGenerator.Options.of(7, 200);
        byte[] first = Instances.toBytes(DvampProblem.INSTANCE, DvampGenerator.generate(options));
        byte[] second = Instances.toBytes(DvampProblem.INSTANCE, DvampGenerator.generate(options));
        byte[] other = Instances.toBytes(DvampProblem.INSTANCE,
                DvampGenerator.generate(DvampGenerator.Options.of(8, 200)));
        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void instanceRecordsItsOptionsAndStatistics() {
        DvampInstance instance = DvampGenerator.generate(DvampGenerator.Options.of(3, 500).withPmCount(2)
                .withEpisodePlacements(400));
        assertThat(instance.name()).isEqualTo("dvamp-gen-n500-m2-seed3");
        assertThat(instance.source().seed()).isEqualTo(3L);
        assertThat(instance.source().generator()).startsWith("cloudopt generate dvamp --seed 3 --vms 500 --pms 2");
        assertThat(instance.episode()).isEqualTo(DvampEpisode.placements(400));
        assertThat(instance.vms()).hasSize(500);
        assertThat(instance.vms().get(0).arrivalSeconds()).isZero();
        assertThat(instance.description()).contains("500 VMs", "inter-arrival mean", "% zero", "lifetime mean",
                "deciles");

        DvampInstance vmagent = DvampGenerator.generate(DvampGenerator.Options.of(3, 50)
                .withSemantics(DvampSemantics.VMAGENT));
        assertThat(vmagent.episode()).isEqualTo(DvampEpisode.all());
    }

    @Test
    void badOptions() {
        assertThatThrownBy(() -> DvampGenerator.generate(DvampGenerator.Options.of(1, 0)))
                .isInstanceOf(InputException.class).hasMessageContaining("--vms");
        assertThatThrownBy(() -> DvampGenerator.generate(DvampGenerator.Options.of(1, 10).withEpisodePlacements(11)))
                .isInstanceOf(InputException.class).hasMessageContaining("--placements must be in 1..10");
        // I4: a 64-core VM fits no PM of 20 cores per node.
        assertThatThrownBy(() -> DvampGenerator.generate(DvampGenerator.Options.of(1, 5000).withCapacities(20, 90, 10)))
                .isInstanceOf(InputException.class).hasMessageContaining("fits no empty PM");
    }
}
