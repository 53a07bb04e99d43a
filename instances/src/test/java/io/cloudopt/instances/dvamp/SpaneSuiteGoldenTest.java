package io.cloudopt.instances.dvamp;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudopt.model.dvamp.DvampObserver;
import io.cloudopt.model.dvamp.DvampPolicies;
import io.cloudopt.model.dvamp.DvampTrace;
import io.cloudopt.model.dvamp.SpaneProtocol;
import io.cloudopt.model.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole SPANE test suite (problems/dvamp.md §12(c)) and the flexibility table (§12(e),
 * {@code spane_result_flex.csv}), reproduced to the published digits.
 */
class SpaneSuiteGoldenTest {
    private static DvampTrace trace;
    private static int[] starts;

    @BeforeAll
    static void read() {
        trace = HuaweiTraceReader.read(SharedData.file("dvamp/Huawei-East-1-lt.csv"));
        starts = HuaweiTraceReader.readStartIndices(SharedData.file("dvamp/spane_test_start_indices_1000.csv"));
    }

    private static long[] totalWaits(int pms, String policy) {
        SpaneProtocol protocol = new SpaneProtocol(trace, pms, 40, 90, 10, 40);
        long[] waits = new long[starts.length];
        for (int e = 0; e < starts.length; e++) {
            SpaneProtocol.Episode episode = protocol.episode(e, starts[e]);
            waits[e] = protocol.run(episode, DvampPolicies.create(policy, 1), DvampObserver.NONE).totalWaitSeconds();
        }
        return waits;
    }

    @Test
    void firstFitAtFivePms() {
        long[] waits = totalWaits(5, "ff");
        assertThat(SpaneProtocol.trimmedMean(waits)).isEqualTo(89_822.5225);
        assertThat(SpaneProtocol.mean(waits)).isEqualTo(362_634.624);
    }

    @Test
    void balanceFitAtFivePms() {
        long[] waits = totalWaits(5, "balance");
        assertThat(SpaneProtocol.trimmedMean(waits)).isEqualTo(86_009.90875);
        assertThat(SpaneProtocol.mean(waits)).isEqualTo(336_486.767);
    }

    @Test
    void fixedBestFitAtFivePms() {
        long[] waits = totalWaits(5, "bf");
        assertThat(SpaneProtocol.trimmedMean(waits)).isEqualTo(101_103.385);
        assertThat(SpaneProtocol.mean(waits)).isEqualTo(377_795.555);
    }

    @Test
    void suiteSizeMatchesTheProtocol() {
        SpaneProtocol protocol = new SpaneProtocol(trace, 5, 40, 90, 10, 40);
        long total = 0;
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int e = 0; e < starts.length; e++) {
            int placements = protocol.episode(e, starts[e]).placements();
            total += placements;
            min = Math.min(min, placements);
            max = Math.max(max, placements);
        }
        assertThat(total).isEqualTo(856_441);
        assertThat(min).isEqualTo(57);
        assertThat(max).isEqualTo(2961);
    }

    /** {@code spane_result_flex.csv}: one row per N; column bf (= balance fit) and ff, rounded to whole seconds. */
    @ParameterizedTest(name = "N={0}")
    @ValueSource(ints = {2, 3, 4, 5, 6, 7, 8, 9})
    void flexibilityTable(int pms) throws IOException {
        List<String> lines = Files.readAllLines(SharedData.file("dvamp/spane_result_flex.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        String[] row = lines.stream().skip(1).map(line -> line.split(","))
                .filter(cells -> cells[0].strip().equals(Integer.toString(pms))).findFirst().orElseThrow();
        long publishedBalance = Long.parseLong(row[header.indexOf("bf")].strip());
        long publishedFirstFit = Long.parseLong(row[header.indexOf("ff")].strip());
        assertThat(Math.round(SpaneProtocol.trimmedMean(totalWaits(pms, "balance")))).isEqualTo(publishedBalance);
        assertThat(Math.round(SpaneProtocol.trimmedMean(totalWaits(pms, "ff")))).isEqualTo(publishedFirstFit);
    }
}
