package io.cloudopt.solvers.workflow;

import io.cloudopt.instances.workflow.DaxReader;
import io.cloudopt.instances.workflow.GatesTestConverter;
import io.cloudopt.model.testing.SharedData;
import io.cloudopt.model.workflow.Workflow;
import io.cloudopt.model.workflow.WorkflowInstance;
import java.util.List;

/** Instances built from the shared GATES data: single DAX workflows and the GATES test instances. */
final class WorkflowDaxInstances {
    /** The size-S DAX files in application order. */
    static final List<String> SIZE_S = List.of("CyberShake_30", "Montage_25", "Inspiral_30", "Sipht_30");
    static final List<Double> GAMMAS = List.of(1.0, 1.25, 1.5, 1.75, 2.0, 2.25);

    private WorkflowDaxInstances() {
    }

    /** One workflow of {@code dax} arriving at 0, deadline factor γ. */
    static WorkflowInstance single(String dax, double gamma) {
        Workflow workflow = DaxReader.read(SharedData.file("workflow/dax/" + dax + ".xml"), "w0",
                dax.substring(0, dax.indexOf('_')), 0.0);
        return new WorkflowInstance(dax + "-g" + gamma, "one " + dax + " workflow", null, WorkflowInstance.GATES,
                GatesTestConverter.GATES_VM_TYPES, GatesTestConverter.REFERENCE_VCPUS, GatesTestConverter.GATES_PENALTY,
                gamma, List.of(workflow));
    }

    /** GATES test instance {@code index} of size S (30 workflows) with deadline factor γ. */
    static WorkflowInstance sizeS(int index, double gamma) {
        GatesTestConverter.Table table = GatesTestConverter.read(SharedData.file("workflow/gates_test_instances_S.csv"));
        return GatesTestConverter.convert(table, index, gamma, SharedData.file("workflow/dax"), new java.util.HashMap<>());
    }
}
