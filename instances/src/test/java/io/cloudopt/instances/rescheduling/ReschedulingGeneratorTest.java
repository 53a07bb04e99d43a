package io.cloudopt.instances.rescheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudopt.model.common.InputException;
import io.cloudopt.model.common.Instances;
import io.cloudopt.model.rescheduling.ReschedulingInstance;
import io.cloudopt.model.rescheduling.ReschedulingPm;
import io.cloudopt.model.rescheduling.ReschedulingProblem;
import io.cloudopt.model.rescheduling.ReschedulingState;
import io.cloudopt.model.rescheduling.ReschedulingVm;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The generator of problems/rescheduling.md §11: shape, statistics and determinism. */
class ReschedulingGeneratorTest {
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void mediumShapeStatistics(long seed) {
        ReschedulingInstance instance = ReschedulingGenerator.generate(ReschedulingGenerator.Options.of(seed));
        assertThat(instance.pms()).hasSize(279);
        assertThat(instance.maxMigrations()).isEqualTo(50);
        assertThat(instance.fragmentCpuCores()).isEqualTo(16);
        assertThat(instance.source().seed()).isEqualTo(seed);
        assertThat(instance.pms()).allSatisfy(pm -> assertThat(pm.numas()).containsOnly(
                new ReschedulingPm.NumaCapacity(44, 184_388)));
        assertThat(instance.pms().get(13).rackId()).isEqualTo("rack3");
        ReschedulingState state = ReschedulingState.initial(instance);
        long capacity = 279L * 88;
        assertThat(1.0 - (double) state.freeCores() / capacity).isGreaterThanOrEqualTo(0.94);
        assertThat(state.fragmentRate()).isBetween(0.50, 0.62);
        // Each VM is a flavour of the mix with per-NUMA shares = total / NUMA count.
        Map<String, ReschedulingGenerator.Kind> kinds = ReschedulingGenerator.MIX.stream().collect(Collectors.toMap(
                kind -> "ecs.c1." + kind.flavour() + "/" + kind.numaCount(), kind -> kind));
        for (ReschedulingVm vm : instance.vms()) {
            ReschedulingGenerator.Kind kind = kinds.get(vm.type() + "/" + vm.numas().size());
            assertThat(kind).as(vm.id()).isNotNull();
            assertThat(vm.totalCpuCores()).isEqualTo(kind.cpuCores());
            assertThat(vm.memoryShare() * vm.numas().size()).isEqualTo(kind.memoryMiB());
            assertThat(vm.allowMigration()).isTrue();
        }
        Set<String> seen = instance.vms().stream().map(vm -> vm.type() + "/" + vm.numas().size())
                .collect(Collectors.toSet());
        assertThat(seen).hasSizeGreaterThanOrEqualTo(9);
        assertThat(instance.vms().size()).isBetween(1900, 2600);
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherInstance() {
        ReschedulingGenerator.Options options = ReschedulingGenerator.Options.of(7).withPms(40).withMaxMigrations(10);
        byte[] first = Instances.toBytes(ReschedulingProblem.INSTANCE, ReschedulingGenerator.generate(options));
        byte[] second = Instances.toBytes(ReschedulingProblem.INSTANCE, ReschedulingGenerator.generate(options));
        byte[] other = Instances.toBytes(ReschedulingProblem.INSTANCE,
                ReschedulingGenerator.generate(ReschedulingGenerator.Options.of(8).withPms(40).withMaxMigrations(10)));
        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(ReschedulingGenerator.generate(options).name()).isEqualTo("rescheduling-gen-p40-k10-seed7");
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThatThrownBy(() -> new ReschedulingGenerator.Options(1, 0, 5, 16)).isInstanceOf(InputException.class)
                .hasMessageContaining("--pms must be a positive integer (got 0)");
        assertThatThrownBy(() -> new ReschedulingGenerator.Options(1, 10, -1, 16)).isInstanceOf(InputException.class)
                .hasMessageContaining("--max-migrations must be a non-negative integer (got -1)");
    }
}
