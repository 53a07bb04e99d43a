package io.cloudopt.instances.dvamp;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudopt.model.dvamp.DvampBalanceFitPolicy;
import io.cloudopt.model.dvamp.DvampBestFitPolicy;
import io.cloudopt.model.dvamp.DvampFirstFitPolicy;
import io.cloudopt.model.dvamp.DvampObserver;
import io.cloudopt.model.dvamp.DvampTrace;
import io.cloudopt.model.dvamp.SpaneProtocol;
import io.cloudopt.model.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The golden episodes of problems/dvamp.md §12(b): exact outputs of SPANE's code. */
class SpaneProtocolGoldenTest {
    private static DvampTrace trace;

    @BeforeAll
    static void readTrace() {
        trace = HuaweiTraceReader.read(SharedData.file("dvamp/Huawei-East-1-lt.csv"));
    }

    @ParameterizedTest(name = "episode {0} start {1}")
    @CsvSource({
            "0,72412,927,1775535,1775375,887,1778375",
            "1,73551,574,2691967,2478878,534,1779455",
            "2,97066,896,6767,6767,856,7121",
            "3,94599,1089,76089,75789,1049,129207",
            "4,105947,452,94544,94544,412,94544",
            "5,88346,675,40986,41020,635,39879",
            "6,91382,1783,94439,43030,1743,61557",
            "7,106116,327,80656,80367,287,21399"})
    void goldenEpisode(int episode, int start, int nVm, long ff, long balance, int probe, long bf) {
        SpaneProtocol protocol = new SpaneProtocol(trace, 5, 40, 90, 10, 40);
        SpaneProtocol.Episode spec = protocol.episode(episode, start);
        assertThat(spec.probePlacements()).isEqualTo(probe);
        assertThat(spec.placements()).isEqualTo(nVm);
        assertThat(protocol.run(spec, new DvampFirstFitPolicy(), DvampObserver.NONE).totalWaitSeconds()).isEqualTo(ff);
        assertThat(protocol.run(spec, new DvampBalanceFitPolicy(), DvampObserver.NONE).totalWaitSeconds())
                .isEqualTo(balance);
        assertThat(protocol.run(spec, new DvampBestFitPolicy(), DvampObserver.NONE).totalWaitSeconds()).isEqualTo(bf);
    }
}
