package io.cloudopt.solvers.rescheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudopt.model.common.Source;
import io.cloudopt.model.rescheduling.PmStatus;
import io.cloudopt.model.rescheduling.ReschedulingInstance;
import io.cloudopt.model.rescheduling.ReschedulingPm;
import io.cloudopt.model.rescheduling.ReschedulingProblem;
import io.cloudopt.model.rescheduling.ReschedulingSolution;
import io.cloudopt.model.rescheduling.ReschedulingState;
import io.cloudopt.model.rescheduling.ReschedulingVerifier;
import io.cloudopt.model.rescheduling.ReschedulingVm;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sequencing a mapping into a plan: a swap needs a parking step on a third PM. */
class ReschedulingSequencerTest {
    private static ReschedulingPm pm(String id) {
        ReschedulingPm.NumaCapacity numa = new ReschedulingPm.NumaCapacity(8, 100);
        return new ReschedulingPm(id, PmStatus.ACTIVE, "r0", List.of(numa, numa));
    }

    private static ReschedulingVm vm(String id, String host, int numa, int cpu, long memory, boolean movable) {
        return new ReschedulingVm(id, "t", host, List.of(new ReschedulingVm.Share(numa, cpu, memory)), movable);
    }

    /** a (pm0 numa 0) and b (pm1 numa 0) fill their NUMAs; pm0 and pm1 NUMA 1 are pinned full; pm2 is empty. */
    private static ReschedulingInstance swap(int k) {
        return new ReschedulingInstance("swap", "", Source.NONE, 4, k, true, List.of(pm("pm0"), pm("pm1"), pm("pm2")),
                List.of(vm("a", "pm0", 0, 8, 1, true), vm("b", "pm1", 0, 8, 2, true), vm("c", "pm0", 1, 8, 1, false),
                        vm("d", "pm1", 1, 8, 1, false)), List.of());
    }

    @Test
    void aSwapIsSequencedWithOneParkingStep() {
        ReschedulingInstance instance = swap(3);
        ReschedulingState target = ReschedulingState.initial(instance);
        target.move(0, 1, 1);
        target.move(1, 0, 1);
        ReschedulingSequencer.Sequence sequence = ReschedulingSequencer.sequence(instance, target);
        assertThat(sequence.complete()).isTrue();
        assertThat(sequence.parkings()).isEqualTo(1);
        assertThat(sequence.counted()).isEqualTo(3);
        assertThat(sequence.plan()).extracting(ReschedulingSolution.Step::vm).containsExactly("a", "b", "a");
        assertThat(sequence.plan().get(0).toPm()).isEqualTo("pm2");
        ReschedulingSolution solution = ReschedulingProblem.fromPlan(sequence.finalState(), sequence.plan(), false);
        assertThat(ReschedulingVerifier.verify(instance, solution)).isEmpty();
    }

    @Test
    void aPlanLongerThanKIsTruncatedToAValidPrefix() {
        ReschedulingInstance instance = swap(2);
        ReschedulingState target = ReschedulingState.initial(instance);
        target.move(0, 1, 1);
        target.move(1, 0, 1);
        ReschedulingSequencer.Sequence truncated = ReschedulingSequencer.truncate(instance,
                ReschedulingSequencer.sequence(instance, target), 2);
        assertThat(truncated.plan()).hasSize(2);
        assertThat(truncated.complete()).isFalse();
        ReschedulingSolution solution = ReschedulingProblem.fromPlan(truncated.finalState(), truncated.plan(), false);
        assertThat(ReschedulingVerifier.verify(instance, solution)).isEmpty();
    }
}
