package io.cloudopt.solvers.dvamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cloudopt.instances.dvamp.HuaweiTraceReader;
import io.cloudopt.model.common.Source;
import io.cloudopt.model.dvamp.DvampEpisode;
import io.cloudopt.model.dvamp.DvampFirstFitPolicy;
import io.cloudopt.model.dvamp.DvampInitialVm;
import io.cloudopt.model.dvamp.DvampInstance;
import io.cloudopt.model.dvamp.DvampObserver;
import io.cloudopt.model.dvamp.DvampSemantics;
import io.cloudopt.model.dvamp.DvampTrace;
import io.cloudopt.model.dvamp.DvampVm;
import io.cloudopt.model.dvamp.DvampWorkload;
import io.cloudopt.model.dvamp.SpaneProtocol;
import io.cloudopt.model.testing.SharedData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** B1 and B4 of problems/dvamp.md §9 against §12(a)–(c). */
class DvampBoundsTest {
    private static DvampTrace trace;

    private static synchronized DvampTrace trace() {
        if (trace == null) {
            trace = HuaweiTraceReader.read(SharedData.file("dvamp/Huawei-East-1-lt.csv"));
        }
        return trace;
    }

    /**
     * By hand (pool 80 cores / 180 GiB): v0 0; v1 10; v2 20 (80 cores in use); v3 waits for v1's end
     * at 60; v4 (64 cores) for v3's end at 70 then v0's at 100; v5 behind v4 waits for v4's end at
     * 110. LB_pool = 30 + 60 + 60 = 150.
     */
    @Test
    void exampleGivesTheWorkedStartBounds() {
        DvampBounds.PooledFifoBound bound = DvampBounds.pooledFifo(DvampTinyInstances.example());
        assertThat(bound.startBounds()).containsExactly(0, 10, 20, 60, 100, 110);
        assertThat(bound.lowerBoundSeconds()).isEqualTo(150);
        assertThat(bound.waitBoundSeconds(3)).isEqualTo(30);
    }

    @Test
    void initialVmsDelayTheFirstStartsFromTheClock() {
        for (long seed = 0; seed < 30; seed += 3) {
            DvampInstance instance = DvampTinyInstances.random(seed, 6);
            DvampBounds.PooledFifoBound bound = DvampBounds.pooledFifo(instance);
            for (int j = 0; j < bound.count(); j++) {
                assertThat(bound.startBoundSeconds(j)).as("seed %d vm %d", seed, j)
                        .isGreaterThanOrEqualTo(Math.max(10, instance.vms().get(j).arrivalSeconds()));
            }
        }
    }

    /**
     * One PM; an initial single VM fills node 0 (40 cores) until 100. A double VM (2 cores, 20 GiB)
     * arriving at 0 fits the pool (42 of 80 cores) at once, but needs room on both nodes: 100.
     */
    @Test
    void initialNodesDelayADoubleVm() {
        DvampInstance instance = new DvampInstance("initial-nodes", "", Source.NONE, DvampSemantics.SPANE, 1, 40, 90,
                10, true, DvampEpisode.placements(1), null, 0L,
                List.of(new DvampInitialVm("i0", 40, 8, 0, 0, 100)), List.of(new DvampVm("v0", 2, 20, 0, 50)));
        DvampWorkload workload = DvampWorkload.of(instance);
        assertThat(DvampBounds.pooledFifo(workload, 1).startBoundSeconds(0)).isZero();
        assertThat(DvampBounds.pooledFifoWithInitialNodes(workload, 1).startBoundSeconds(0)).isEqualTo(100);
    }

    @ParameterizedTest(name = "episode {0} start {1}")
    @CsvSource({"0,72412,64,1775535", "1,73551,1266426,2691967", "2,97066,6170,6767", "3,94599,37921,76089",
            "4,105947,94544,94544", "5,88346,39027,40986", "6,91382,19391,94439", "7,106116,20038,80656"})
    void goldenEpisodes(int episode, int start, long poolLowerBound, long firstFitTotalWait) {
        SpaneProtocol protocol = new SpaneProtocol(trace(), 5, 40, 90, 10, 40);
        SpaneProtocol.Episode spec = protocol.episode(episode, start);
        DvampBounds.PooledFifoBound bound = DvampBounds.pooledFifo(protocol.workload(spec), spec.placements());
        assertThat(bound.lowerBoundSeconds()).isEqualTo(poolLowerBound);
        assertThat(protocol.run(spec, new DvampFirstFitPolicy(), DvampObserver.NONE).totalWaitSeconds())
                .isEqualTo(firstFitTotalWait).isGreaterThanOrEqualTo(poolLowerBound);
    }

    @Test
    void wholeTestSuiteReproducesThePublishedAggregate() {
        int[] starts = HuaweiTraceReader.readStartIndices(SharedData.file("dvamp/spane_test_start_indices_1000.csv"));
        SpaneProtocol protocol = new SpaneProtocol(trace(), 5, 40, 90, 10, 40);
        long[] bounds = new long[starts.length];
        for (int e = 0; e < starts.length; e++) {
            SpaneProtocol.Episode spec = protocol.episode(e, starts[e]);
            bounds[e] = DvampBounds.pooledFifo(protocol.workload(spec), spec.placements()).lowerBoundSeconds();
        }
        assertThat(SpaneProtocol.trimmedMean(bounds)).isCloseTo(28_986.95625, within(1e-6));
        assertThat(SpaneProtocol.mean(bounds)).isCloseTo(177_686.352, within(1e-6));
    }

    /** On one PM the factor (m−1)/(2m−1) is 0, so the published gap is 0 whatever μ and TR. */
    @Test
    void publishedGreedyGapVanishesOnOnePm() {
        assertThat(DvampBounds.publishedGreedyGap(DvampTinyInstances.example())).isZero();
        DvampInstance twoPms = DvampTinyInstances.random(1, 6);
        assertThat(DvampBounds.publishedGreedyGap(twoPms)).isGreaterThanOrEqualTo(0.0);
    }
}
