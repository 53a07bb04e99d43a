package io.cloudopt.benchmarks.workflow;

import io.cloudopt.benchmarks.DatasetFiles;
import io.cloudopt.instances.workflow.GatesTestConverter;
import io.cloudopt.model.workflow.WorkflowInstance;
import java.nio.file.Path;
import java.util.List;

/** The 30 GATES test instances of a size as the workflow benchmarks read them (problems/workflow.md §11). */
final class GatesSuiteData {
    private GatesSuiteData() {
    }

    static List<WorkflowInstance> suite(String size, double gamma) {
        Path table = DatasetFiles.file("workflow", "gates_test_instances_" + size + ".csv");
        return GatesTestConverter.convertAll(GatesTestConverter.read(table), gamma, table.resolveSibling("dax"));
    }
}
