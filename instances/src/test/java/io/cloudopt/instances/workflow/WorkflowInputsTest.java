package io.cloudopt.instances.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cloudopt.model.common.Instances;
import io.cloudopt.model.testing.SharedData;
import io.cloudopt.model.workflow.Workflow;
import io.cloudopt.model.workflow.WorkflowInstance;
import io.cloudopt.model.workflow.WorkflowProblem;
import io.cloudopt.model.workflow.WorkflowTask;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** WfFormat 1.4–1.6, the GATES tables and the generator, on valid input. */
class WorkflowInputsTest {
    private static Path resource(String name) {
        try {
            return Path.of(WorkflowInputsTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/workflow/diamond-1.4.json", "/workflow/diamond-1.6.json"})
    void wfFormatVersionsGiveTheSameWorkflow(String file) {
        Workflow workflow = WfFormatReader.read(resource(file), "w0", 5.0, 2.0);
        assertThat(workflow.application()).isEqualTo("diamond");
        assertThat(workflow.arrivalSeconds()).isEqualTo(5.0);
        assertThat(workflow.tasks()).containsExactly(new WorkflowTask("a", 5.0, List.of()),
                new WorkflowTask("b", 8.0, List.of("a")), new WorkflowTask("c", 2.0, List.of("a")),
                new WorkflowTask("d", 6.0, List.of("b", "c")));
    }

    /** Every size: 30 instances of 30 workflows, arrivals shifted, deadlines derived from γ. */
    @ParameterizedTest
    @ValueSource(strings = {"S", "M", "L"})
    void gatesTablesConvert(String size) {
        Path table = SharedData.file("workflow/gates_test_instances_" + size + ".csv");
        List<WorkflowInstance> instances = GatesTestConverter.convertAll(GatesTestConverter.read(table), 1.25,
                table.resolveSibling("dax"));
        assertThat(instances).hasSize(30);
        for (WorkflowInstance instance : instances) {
            assertThat(instance.workflows()).hasSize(30);
            assertThat(instance.workflows().get(0).arrivalSeconds()).isZero();
            assertThat(instance.workflows().get(1).arrivalSeconds()).isZero();
            assertThat(instance.deadlineFactor()).isEqualTo(1.25);
            assertThat(GatesTestConverter.validated(instance)).isEqualTo(instance);
        }
        assertThat(instances.get(7).name()).isEqualTo("gates-" + size + "-7-g1.25");
    }

    @Test
    void generatorMatchesItsStatisticsAndIsSeeded() {
        Path dax = SharedData.file("workflow/dax/Montage_25.xml").getParent();
        WorkflowInstance many = WorkflowGenerator.generate(new WorkflowGenerator.Options(3, "S", 2000, 0.01, 1.0), dax);
        double last = many.workflows().get(many.workflows().size() - 1).arrivalSeconds();
        assertThat(last / (many.workflows().size() - 2)).isCloseTo(100.0, within(6.0));
        long montage = many.workflows().stream().filter(w -> w.application().equals("Montage")).count();
        assertThat(montage / 2000.0).isCloseTo(0.25, within(0.03));
        assertThat(many.workflows().get(0).arrivalSeconds()).isZero();
        assertThat(many.workflows().get(1).arrivalSeconds()).isZero();
        WorkflowInstance a = WorkflowGenerator.generate(new WorkflowGenerator.Options(9, "M", 30, 0.01, 1.5), dax);
        WorkflowInstance b = WorkflowGenerator.generate(new WorkflowGenerator.Options(9, "M", 30, 0.01, 1.5), dax);
        WorkflowInstance c = WorkflowGenerator.generate(new WorkflowGenerator.Options(10, "M", 30, 0.01, 1.5), dax);
        assertThat(Instances.toBytes(WorkflowProblem.INSTANCE, a)).isEqualTo(Instances.toBytes(WorkflowProblem.INSTANCE, b));
        assertThat(Instances.toBytes(WorkflowProblem.INSTANCE, a)).isNotEqualTo(Instances.toBytes(WorkflowProblem.INSTANCE, c));
        assertThat(a.source().seed()).isEqualTo(9L);
    }
}
