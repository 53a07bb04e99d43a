package io.cloudopt.instances;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudopt.instances.dvamp.DvampGenerator;
import io.cloudopt.instances.dvamp.HuaweiTraceConverter;
import io.cloudopt.instances.dvamp.HuaweiTraceReader;
import io.cloudopt.instances.rescheduling.Vmr2lConverter;
import io.cloudopt.model.common.Instances;
import io.cloudopt.model.common.LoadedInstance;
import io.cloudopt.model.dvamp.DvampFirstFitPolicy;
import io.cloudopt.model.dvamp.DvampInstance;
import io.cloudopt.model.dvamp.DvampObserver;
import io.cloudopt.model.dvamp.DvampProblem;
import io.cloudopt.model.dvamp.DvampSimulator;
import io.cloudopt.model.rescheduling.ReschedulingInstance;
import io.cloudopt.model.rescheduling.ReschedulingProblem;
import io.cloudopt.model.testing.SharedData;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bundled samples: readable, each with a reference value, and reproducible by their converter or generator. */
class SamplesTest {
    @Test
    void everySampleReadsAndHasAProvenReferenceBelowFirstFit() {
        assertThat(Samples.problems()).containsExactly("dvamp", "provisioning", "rescheduling", "workflow");
        Map<String, Samples.Reference> references = Samples.references("dvamp");
        assertThat(Samples.list("dvamp")).hasSize(3);
        assertThat(references).hasSize(3);
        for (Samples.Sample sample : Samples.list("dvamp")) {
            LoadedInstance<?> loaded = Samples.read(sample);
            DvampInstance instance = (DvampInstance) loaded.instance();
            Samples.Reference reference = references.get(instance.name());
            assertThat(reference).as(sample.fileName()).isNotNull();
            long firstFit = DvampSimulator.run(instance, new DvampFirstFitPolicy(), 0, DvampObserver.NONE)
                    .totalWaitSeconds();
            // Proven optima (solvers' DvampSamplesTest re-proves them); an online policy is never better.
            assertThat(reference.proven()).as(sample.fileName()).isTrue();
            assertThat(reference.objective()).as(sample.fileName()).isLessThanOrEqualTo((double) firstFit);
        }
        assertThat(references.get("dvamp-example-1pm").proven()).isTrue();
        assertThat(references.get("dvamp-example-1pm").objective()).isEqualTo(380.0);
    }

    @Test
    void findByName() {
        assertThat(Samples.find("dvamp", "example-1pm")).isPresent();
        assertThat(Samples.find("dvamp", "example-1pm.json")).isPresent();
        assertThat(Samples.find("dvamp", "nope")).isEmpty();
        assertThat(Samples.list("workflow")).hasSize(1);
        assertThat(Samples.list("nope")).isEmpty();
    }

    @Test
    void windowSampleIsTheConvertersOutput() {
        Samples.Sample sample = Samples.find("dvamp", "huawei-east-1-n5-start94228-k15").orElseThrow();
        DvampInstance converted = HuaweiTraceConverter.convert(
                HuaweiTraceReader.read(SharedData.file("dvamp/Huawei-East-1-lt.csv")),
                HuaweiTraceConverter.Options.window(94228, 5, 15).withWarmup(HuaweiTraceConverter.Warmup.PROBE, "ff"));
        assertThat(Instances.toBytes(DvampProblem.INSTANCE, converted)).isEqualTo(Samples.bytes(sample));
    }

    /** The greedy reference of the rescheduling sample is checked in the solvers module (ReschedulingSamplesTest). */
    @Test
    void reschedulingSampleIsTheFirstTwentyPmsOfTheResetSnapshot() {
        Samples.Sample sample = Samples.find("rescheduling", "vmr2l-reset_vm_pm0-k5-pms20").orElseThrow();
        ReschedulingInstance converted = Vmr2lConverter.convert(SharedData.file("rescheduling/reset_vm_pm0.json"),
                new Vmr2lConverter.Options(5, 16, 20, false, true)).instance();
        assertThat(Instances.toBytes(ReschedulingProblem.INSTANCE, converted)).isEqualTo(Samples.bytes(sample));
        assertThat(Samples.references("rescheduling")).containsOnlyKeys(converted.name());
        assertThat(converted.pms()).hasSize(20);
    }

    @Test
    void generatedSampleIsTheGeneratorsOutput() {
        Samples.Sample sample = Samples.find("dvamp", "dvamp-gen-n30-m1-seed34").orElseThrow();
        DvampInstance generated = DvampGenerator.generate(DvampGenerator.Options.of(34, 30).withPmCount(1));
        assertThat(Instances.toBytes(DvampProblem.INSTANCE, generated)).isEqualTo(Samples.bytes(sample));
    }
}
