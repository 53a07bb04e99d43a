package io.cloudopt.instances.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cloudopt.model.testing.SharedData;
import io.cloudopt.model.workflow.Workflow;
import io.cloudopt.model.workflow.WorkflowGraph;
import io.cloudopt.model.workflow.WorkflowInstance;
import io.cloudopt.model.workflow.WorkflowTask;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The DAX statistics table of problems/workflow.md §12. */
class DaxStatisticsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "CyberShake_30,30,52,760.53,3549.44,73.9467,0.1622",
            "Montage_25,25,45,227.75,744.16,15.5033,0.0486",
            "Inspiral_30,30,35,6617.07,21362.88,445.0600,1.4116",
            "Sipht_30,29,33,5546.46,70542.7728,1469.6411,1.1832",
            "CyberShake_50,50,88,1524.56,3886.40,80.9667,0.3252",
            "Montage_50,50,106,508.64,892.16,18.5867,0.1085",
            "Inspiral_50,50,60,11761.95,22572.80,470.2667,2.5092",
            "Sipht_60,58,66,11668.92,74235.5632,1546.5742,2.4894",
            "CyberShake_100,100,180,3215.75,4210.56,87.7200,0.6860",
            "Montage_100,100,233,1079.34,1131.52,23.5733,0.2303",
            "Inspiral_100,100,119,21023.96,21324.16,444.2533,4.4851",
            "Sipht_100,97,109,17379.73,71599.4976,1491.6562,3.7077"})
    void statistics(String file, int tasks, int edges, double runtime, double criticalPath, double relativeDeadline,
                    double floorUsd) {
        Workflow workflow = DaxReader.read(SharedData.file("workflow/dax/" + file + ".xml"), "w0", file, 0.0);
        assertThat(workflow.tasks()).hasSize(tasks);
        assertThat(workflow.tasks().stream().mapToInt(task -> task.parents().size()).sum()).isEqualTo(edges);
        double sum = workflow.tasks().stream().mapToDouble(WorkflowTask::referenceRuntimeSeconds).sum();
        assertThat(sum).isCloseTo(runtime, within(0.005));
        WorkflowInstance instance = new WorkflowInstance("t", "", null, "gates", GatesTestConverter.GATES_VM_TYPES, 16,
                GatesTestConverter.GATES_PENALTY, 1.0, List.of(workflow));
        WorkflowGraph graph = WorkflowGraph.of(instance, workflow);
        assertThat(graph.criticalPathWork()).isCloseTo(criticalPath, within(5e-5));
        assertThat(graph.criticalPathWork() * (1.0 / 48 * 1.0)).isCloseTo(relativeDeadline, within(5e-5));
        assertThat(0.048 * sum * 16 / 3600).isCloseTo(floorUsd, within(5e-5));
    }
}
