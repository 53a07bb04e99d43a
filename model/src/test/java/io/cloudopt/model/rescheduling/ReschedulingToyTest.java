package io.cloudopt.model.rescheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudopt.model.common.InputException;
import io.cloudopt.model.common.Instances;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The toy instance of problems/rescheduling.md §3, worked by hand. */
class ReschedulingToyTest {
    @TempDir
    Path dir;

    static Path toyFile() {
        try {
            return Path.of(ReschedulingToyTest.class.getResource("/rescheduling/toy-3pm.json").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ReschedulingInstance toy() {
        return Instances.read(toyFile(), ReschedulingProblem.INSTANCE).instance();
    }

    /** f = pm0 (44−32−4, 44−32) = (8, 12), pm1 (44, 36); F = 100; fragments 8 + 12 + 12 + 4 = 36. */
    @Test
    void initialFragmentRate() {
        ReschedulingState state = ReschedulingState.initial(toy());
        assertThat(state.freeCores()).isEqualTo(100);
        assertThat(state.totalFragments()).isEqualTo(36);
        assertThat(state.fragmentRate()).isEqualTo(0.36);
        assertThat(state.freeSlots()).isEqualTo(4);
    }

    @Test
    void flipOfBKeepsTheFragmentsAndCountsOneMigration() {
        ReschedulingInstance instance = toy();
        List<ReschedulingSolution.Step> plan = List.of(
                new ReschedulingSolution.Step(0, "b", "pm0", List.of(0), "pm0", List.of(1)));
        ReschedulingSimulator.Replay replay = ReschedulingSimulator.replay(instance, plan,
                ReschedulingSimulator.Rules.STRICT);
        assertThat(replay.violations()).isEmpty();
        assertThat(replay.counted()).isEqualTo(1);
        assertThat(replay.state().freeCpu(0, 0)).isEqualTo(12);
        assertThat(replay.state().freeCpu(0, 1)).isEqualTo(8);
        assertThat(replay.state().totalFragments()).isEqualTo(36);
        ReschedulingSolution solution = ReschedulingProblem.fromPlan(replay.state(), plan, false);
        assertThat(ReschedulingVerifier.verify(instance, solution)).isEmpty();
        assertThat(ReschedulingEvaluator.evaluate(instance, solution).migrationsCounted()).isEqualTo(1);
    }

    @Test
    void groupForbidsBOnPm1AndPinnedCNeverMoves() {
        ReschedulingInstance instance = toy();
        List<ReschedulingSolution.Step> toPm1 = List.of(
                new ReschedulingSolution.Step(0, "b", "pm0", List.of(0), "pm1", List.of(0)));
        assertThat(ReschedulingSimulator.replay(instance, toPm1, ReschedulingSimulator.Rules.STRICT).violations())
                .extracting(Object::toString)
                .containsExactly("R7 $.plan[0]: anti-affinity group 'g0' already has a member on pm 'pm1'");
        List<ReschedulingSolution.Step> moveC = List.of(
                new ReschedulingSolution.Step(0, "c", "pm1", List.of(1), "pm1", List.of(0)));
        assertThat(ReschedulingSimulator.replay(instance, moveC, ReschedulingSimulator.Rules.STRICT).violations())
                .extracting(Object::toString)
                .containsExactly("R2 $.plan[0]: vm 'c' is pinned (allowMigration false)");
        List<ReschedulingSolution.Step> toDisabled = List.of(
                new ReschedulingSolution.Step(0, "b", "pm0", List.of(0), "pm2", List.of(0)));
        assertThat(ReschedulingSimulator.replay(instance, toDisabled, ReschedulingSimulator.Rules.STRICT).violations())
                .extracting(Object::toString).containsExactly("R3 $.plan[0]: target pm 'pm2' is DISABLED");
        assertThat(ReschedulingSimulator.replay(instance, toDisabled, ReschedulingSimulator.Rules.VMR2L).violations())
                .isEmpty();
    }

    @Test
    void capacityAndBudgetAreChecked() {
        ReschedulingInstance instance = toy();
        List<ReschedulingSolution.Step> three = List.of(
                new ReschedulingSolution.Step(0, "b", "pm0", List.of(0), "pm0", List.of(1)),
                new ReschedulingSolution.Step(1, "b", "pm0", List.of(1), "pm0", List.of(0)),
                new ReschedulingSolution.Step(2, "a", "pm0", List.of(0, 1), "pm1", List.of(0, 1)));
        assertThat(ReschedulingSimulator.replay(instance, three, ReschedulingSimulator.Rules.STRICT).violations())
                .extracting(Object::toString)
                .containsExactly("R8 $.plan[2]: counted migrations 3 > maxMigrations 2");
        ReschedulingInstance tight = instance.withMaxMigrations(5);
        List<ReschedulingSolution.Step> overload = List.of(
                new ReschedulingSolution.Step(0, "a", "pm0", List.of(0, 1), "pm1", List.of(0, 1)),
                new ReschedulingSolution.Step(1, "b", "pm0", List.of(0), "pm0", List.of(1)));
        ReschedulingSimulator.Replay replay = ReschedulingSimulator.replay(tight, overload,
                ReschedulingSimulator.Rules.STRICT);
        assertThat(replay.violations()).isEmpty();
        // a on pm1: f = (44 − 32, 36 − 32) = (12, 4); pm0 keeps b, flipped: (44, 40).
        // Fragments 12 + 4 + 12 + 8 = 36 of F = 100.
        assertThat(replay.state().freeCpu(1, 1)).isEqualTo(4);
        assertThat(replay.state().totalFragments()).isEqualTo(36);
        assertThat(replay.state().fragmentRate()).isEqualTo(0.36);
    }

    @Test
    void placementMustEqualTheReplay() {
        ReschedulingInstance instance = toy();
        ReschedulingState initial = ReschedulingState.initial(instance);
        ReschedulingSolution noPlanButMoved = new ReschedulingSolution(List.of(), List.of(
                new ReschedulingSolution.Location("a", "pm0", List.of(0, 1)),
                new ReschedulingSolution.Location("b", "pm0", List.of(1)),
                new ReschedulingSolution.Location("c", "pm1", List.of(1))), false);
        assertThat(ReschedulingVerifier.verify(instance, noPlanButMoved)).extracting(Object::toString)
                .containsExactly("R10 $.placement[1]: differs from replay at vm 'b' (replay: pm 'pm0' numa [0])");
        assertThat(ReschedulingVerifier.verify(instance, ReschedulingProblem.fromPlan(initial, List.of(), false)))
                .isEmpty();
    }

    @Test
    void brokenInstancesAreRejectedWithTheirRule() throws Exception {
        String text = Files.readString(toyFile());
        assertRejected(text.replace("\"maxMigrations\": 2", "\"maxMigrations\": -1"),
                "$.maxMigrations: must be a non-negative integer");
        assertRejected(text.replace("\"fragmentCpuCores\": 16", "\"fragmentCpuCores\": 0"),
                "$.fragmentCpuCores: must be a positive integer");
        assertRejected(text.replace("\"host\": \"pm1\"", "\"host\": \"pm9\""), "$.vms[2].host: unknown host 'pm9'");
        assertRejected(text.replace("{\"numa\": 1, \"cpuCores\": 32", "{\"numa\": 1, \"cpuCores\": 16"),
                "$.vms[0].numas: double-NUMA VM must list NUMA 0 then 1 with equal shares");
        assertRejected(text.replace("\"numas\": [{\"numa\": 1, \"cpuCores\": 8", "\"numas\": [{\"numa\": 2, \"cpuCores\": 8"),
                "$.vms[2].numas[0].numa: numa must be 0 or 1");
        assertRejected(text.replace("\"cpuCores\": 4, \"memoryMiB\": 8192", "\"cpuCores\": 14, \"memoryMiB\": 8192"),
                "$.pms[0]: initial placement overloads pm 'pm0' numa 0: cpu 46 > 44");
        assertRejected(text.replace("\"status\": \"DISABLED\"", "\"status\": \"BROKEN\""),
                "$.pms[2].status: must be ACTIVE, DISABLED or OUTAGE");
        assertRejected(text.replace("\"maxMigrations\"", "\"maxMigration\""), "$.maxMigration: unknown field");
        assertRejected(text.replace("\"host\": \"pm1\", \"numas\": [{\"numa\": 1, \"cpuCores\": 8",
                "\"host\": \"pm0\", \"numas\": [{\"numa\": 1, \"cpuCores\": 8"),
                "$.antiAffinityGroups[0]: initial placement violates anti-affinity group 'g0' on pm 'pm0'");
        assertRejected(text.replace("\"vms\": [\"b\", \"c\"]", "\"vms\": [\"b\", \"x\"]"),
                "$.antiAffinityGroups[0].vms[1]: unknown vm 'x'");
        assertRejected(text.replace("\"status\": \"ACTIVE\"", "\"status\": \"OUTAGE\""), "$.pms: instance has no ACTIVE PM");
    }

    private void assertRejected(String text, String expected) throws Exception {
        Path file = Files.writeString(dir.resolve("broken.json"), text);
        assertThatThrownBy(() -> Instances.read(file)).isInstanceOf(InputException.class).hasMessageContaining(expected);
    }
}
