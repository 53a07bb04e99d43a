package io.cloudopt.instances.dvamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudopt.instances.dvamp.HuaweiTraceConverter.Options;
import io.cloudopt.instances.dvamp.HuaweiTraceConverter.SuiteEntry;
import io.cloudopt.instances.dvamp.HuaweiTraceConverter.Warmup;
import io.cloudopt.model.common.InputException;
import io.cloudopt.model.common.Instances;
import io.cloudopt.model.dvamp.DvampBalanceFitPolicy;
import io.cloudopt.model.dvamp.DvampEpisode;
import io.cloudopt.model.dvamp.DvampFirstFitPolicy;
import io.cloudopt.model.dvamp.DvampInitialVm;
import io.cloudopt.model.dvamp.DvampInstance;
import io.cloudopt.model.dvamp.DvampObserver;
import io.cloudopt.model.dvamp.DvampProblem;
import io.cloudopt.model.dvamp.DvampRun;
import io.cloudopt.model.dvamp.DvampSemantics;
import io.cloudopt.model.dvamp.DvampSimulator;
import io.cloudopt.model.dvamp.DvampTrace;
import io.cloudopt.model.dvamp.DvampVm;
import io.cloudopt.model.dvamp.DvampWorkload;
import io.cloudopt.model.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link HuaweiTraceConverter}: the golden episodes of problems/dvamp.md §12(b), windows, suites, bad options. */
class HuaweiTraceConverterTest {
    private static DvampTrace trace;

    @BeforeAll
    static void readTrace() {
        trace = HuaweiTraceReader.read(SharedData.file("dvamp/Huawei-East-1-lt.csv"));
    }

    @ParameterizedTest(name = "episode {0} start {1}")
    @CsvSource({
            "0,72412,927,1775535,1775375,887",
            "1,73551,574,2691967,2478878,534",
            "2,97066,896,6767,6767,856",
            "3,94599,1089,76089,75789,1049",
            "4,105947,452,94544,94544,412",
            "5,88346,675,40986,41020,635",
            "6,91382,1783,94439,43030,1743",
            "7,106116,327,80656,80367,287"})
    void goldenEpisodesConvertWithTheSpaneProtocol(int episode, int start, int nVm, long ff, long balance,
                                                   int probe) {
        DvampInstance instance = HuaweiTraceConverter.convert(trace, Options.spane(start, 5));

        assertThat(instance.name()).isEqualTo("huawei-east-1-n5-start" + start);
        assertThat(instance.episode()).isEqualTo(DvampEpisode.placements(nVm));
        assertThat(instance.vms()).hasSize(nVm);
        assertThat(instance.protocol().name()).isEqualTo("spane");
        assertThat(instance.protocol().startIndex()).isEqualTo(start);
        assertThat(instance.protocol().firstFitProbePlacements()).isEqualTo(probe);
        assertThat(instance.protocol().addedPlacements()).isEqualTo(40);
        assertThat(instance.source().dataset()).isEqualTo("Huawei-East-1 (CC BY-NC 4.0)");
        assertThat(instance.vms().get(0).id()).isEqualTo(Integer.toString(start));
        assertThat(instance.vms().get(nVm - 1).id()).isEqualTo(Integer.toString(start + nVm - 1));
        assertThat(DvampSimulator.run(instance, new DvampFirstFitPolicy(), 0, DvampObserver.NONE).totalWaitSeconds())
                .isEqualTo(ff);
        assertThat(DvampSimulator.run(instance, new DvampBalanceFitPolicy(), 0, DvampObserver.NONE)
                .totalWaitSeconds()).isEqualTo(balance);
    }

    @Test
    void vmsAreTheTraceRows() {
        DvampInstance instance = HuaweiTraceConverter.convert(trace, Options.window(0, 5, 3));
        // Header and first row of the file: vmid,cpu,mem,at,lt / 0,4,16,0.0,194.0
        assertThat(instance.vms().get(0)).isEqualTo(new DvampVm("0", 4, 16, 0, 194));
        assertThat(instance.name()).isEqualTo("huawei-east-1-n5-start0-k3");
        assertThat(instance.initialVms()).isEmpty();
        assertThat(instance.clockSeconds()).isNull();
        assertThat(instance.episode()).isEqualTo(DvampEpisode.placements(3));
    }

    /**
     * A window after a first-fit warm-up continues the first-fit run of the whole prefix exactly:
     * the initial VMs are the simulator's running VMs at the clock, so every window VM starts when
     * it starts in the uninterrupted run.
     */
    @ParameterizedTest(name = "start {0} warm-up {1}")
    @CsvSource({"105947,probe", "72412,probe", "94599,300", "106116,50"})
    void warmupWindowContinuesTheWholeRun(int start, String warmup) {
        int count = 60;
        Options options = Options.window(start, 5, count).withWarmup(Warmup.parse(warmup), "ff");
        DvampInstance window = HuaweiTraceConverter.convert(trace, options);
        int warmupPlacements = window.protocol().warmupPlacements();
        if (warmup.equals("probe")) {
            assertThat(window.protocol().firstFitProbePlacements()).isEqualTo(warmupPlacements);
        } else {
            assertThat(warmupPlacements).isEqualTo(Integer.parseInt(warmup));
        }
        assertThat(window.vms().get(0).id()).isEqualTo(Integer.toString(start + warmupPlacements));

        int total = warmupPlacements + count;
        DvampWorkload prefix = DvampWorkload.slice(trace, start, total, 5, 40, 90, 10);
        DvampRun whole = new DvampSimulator(prefix).run(new DvampFirstFitPolicy(), DvampSemantics.SPANE, true,
                DvampEpisode.placements(total), DvampObserver.NONE);
        long clock = whole.startSeconds()[warmupPlacements - 1];
        assertThat(window.clockSeconds()).isEqualTo(clock);
        for (DvampInitialVm vm : window.initialVms()) {
            int j = Integer.parseInt(vm.id()) - start;
            assertThat(j).isBetween(0, warmupPlacements - 1);
            assertThat(vm.endSeconds()).isEqualTo(whole.startSeconds()[j] + trace.lifetimeSeconds(start + j))
                    .isGreaterThan(clock);
            assertThat(vm.pm()).isEqualTo(whole.actions()[j] >> 1);
            assertThat(vm.numa()).isEqualTo(trace.memoryGiB(start + j) > 10 ? null : whole.actions()[j] & 1);
        }
        long stillRunning = IntStream.range(0, warmupPlacements)
                .filter(j -> whole.startSeconds()[j] + trace.lifetimeSeconds(start + j) > clock).count();
        assertThat(window.initialVms()).hasSize((int) stillRunning);

        DvampRun windowRun = DvampSimulator.run(window, new DvampFirstFitPolicy(), 0, DvampObserver.NONE);
        assertThat(windowRun.startSeconds())
                .containsExactly(Arrays.copyOfRange(whole.startSeconds(), warmupPlacements, total));
        assertThat(windowRun.actions()).containsExactly(Arrays.copyOfRange(whole.actions(), warmupPlacements, total));
    }

    @Test
    void probeWarmupStartsWhereTheClusterIsFull() {
        DvampInstance window = HuaweiTraceConverter.convert(trace,
                Options.window(105947, 5, 20).withWarmup(Warmup.PROBE, "ff"));
        assertThat(window.name()).isEqualTo("huawei-east-1-n5-start105947-k20");
        assertThat(window.protocol().warmupPlacements()).isEqualTo(412);
        assertThat(window.vms().get(0).id()).isEqualTo("106359");
        assertThat(DvampSimulator.run(window, new DvampFirstFitPolicy(), 0, DvampObserver.NONE).totalWaitSeconds())
                .isPositive();
    }

    @Test
    void vmagentSemanticsKeepsTheRows() {
        DvampInstance instance = HuaweiTraceConverter.convert(trace,
                Options.spane(105947, 5).withSemantics(DvampSemantics.VMAGENT));
        assertThat(instance.semantics()).isEqualTo(DvampSemantics.VMAGENT);
        assertThat(instance.episode()).isEqualTo(DvampEpisode.placements(452));
    }

    @Test
    void suiteWritesOneInstancePerStartAndAnIndex(@TempDir Path dir) throws IOException {
        int[] starts = {72412, 105947, 106116};
        List<SuiteEntry> entries = HuaweiTraceConverter.convertSuite(trace, starts, Options.spane(0, 5), dir,
                ".json");
        assertThat(entries).extracting(SuiteEntry::vmCount).containsExactly(927, 452, 327);
        assertThat(Files.readAllLines(dir.resolve("index.csv"))).containsExactly(
                "episode,start_index,name,N_vm,ff_probe_len",
                "0,72412,huawei-east-1-n5-start72412,927,887",
                "1,105947,huawei-east-1-n5-start105947,452,412",
                "2,106116,huawei-east-1-n5-start106116,327,287");
        DvampInstance read = Instances.read(dir.resolve("huawei-east-1-n5-start105947.json"), DvampProblem.INSTANCE)
                .instance();
        assertThat(read).isEqualTo(HuaweiTraceConverter.convert(trace, Options.spane(105947, 5)));
    }

    @Test
    void suiteReadsItsStartIndicesBesideTheTrace() {
        Path starts = SharedData.file("dvamp/Huawei-East-1-lt.csv").resolveSibling(
                HuaweiTraceConverter.Suite.fromName("spane-valid").startIndexFile());
        assertThat(HuaweiTraceReader.readStartIndices(starts)).hasSize(150);
    }

    @ParameterizedTest
    @ValueSource(ints = {116400, -1, 116313})
    void startIndexOutsideTheTrace(int start) {
        assertThatThrownBy(() -> HuaweiTraceConverter.convert(trace, Options.spane(start, 5)))
                .isInstanceOf(InputException.class)
                .hasMessage("start-index " + start + " outside 0..116312");
    }

    @Test
    void spaneEpisodePastTheEndOfTheTrace() {
        assertThatThrownBy(() -> HuaweiTraceConverter.convert(trace, Options.spane(116300, 5)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("start-index 116300 + N_vm ")
                .hasMessageContaining(" exceeds the trace");
    }

    @Test
    void windowPastTheEndOfTheTrace() {
        assertThatThrownBy(() -> HuaweiTraceConverter.convert(trace, Options.window(116300, 5, 20)))
                .isInstanceOf(InputException.class)
                .hasMessage("start-index 116300 + count 20 exceeds the trace (116313 rows)");
    }

    @Test
    void badOptions() {
        Options noCount = new Options(100, 5, HuaweiTraceConverter.Protocol.WINDOW, 40, null, null, null, null, 40,
                90, 10);
        assertThatThrownBy(() -> HuaweiTraceConverter.convert(trace, noCount))
                .isInstanceOf(InputException.class).hasMessageContaining("--count");
        assertThatThrownBy(() -> HuaweiTraceConverter.convert(trace,
                Options.window(100, 5, 10).withWarmup(Warmup.placements(5), "nope")))
                .isInstanceOf(InputException.class).hasMessageContaining("unknown dvamp policy \"nope\"");
        assertThatThrownBy(() -> HuaweiTraceConverter.convert(trace, Options.window(100, 5, 10)
                .withWarmup(Warmup.PROBE, "ff").withSemantics(DvampSemantics.VMAGENT)))
                .isInstanceOf(InputException.class).hasMessageContaining("--warmup needs --semantics spane");
        assertThatThrownBy(() -> Warmup.parse("ten")).isInstanceOf(InputException.class);
        assertThatThrownBy(() -> HuaweiTraceConverter.Protocol.fromName("queue")).isInstanceOf(InputException.class);
        assertThatThrownBy(() -> HuaweiTraceConverter.convert(trace, Options.spane(100, 0)))
                .isInstanceOf(InputException.class).hasMessageContaining("--pms");
    }
}
