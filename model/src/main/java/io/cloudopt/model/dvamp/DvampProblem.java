package io.cloudopt.model.dvamp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudopt.model.common.InputError;
import io.cloudopt.model.common.InputException;
import io.cloudopt.model.common.InstanceBinding;
import io.cloudopt.model.common.Json;
import io.cloudopt.model.common.Problem;
import io.cloudopt.model.common.Sense;
import io.cloudopt.model.common.Violation;
import java.util.ArrayList;
import java.util.List;

/** The dvamp problem in the shared format (problems/dvamp.md §3–4). */
public final class DvampProblem implements Problem<DvampInstance, DvampSolution> {
    public static final DvampProblem INSTANCE = new DvampProblem();

    private DvampProblem() {
    }

    @Override
    public String id() {
        return "dvamp";
    }

    @Override
    public Sense sense(DvampInstance instance) {
        return instance.semantics() == DvampSemantics.SPANE ? Sense.MINIMIZE : Sense.MAXIMIZE;
    }

    @Override
    public Class<DvampInstance> instanceType() {
        return DvampInstance.class;
    }

    @Override
    public DvampInstance readInstance(ObjectNode document, String file) {
        return InstanceBinding.bind(document, file, DvampInstance.class, DvampProblem::applyDefaults,
                DvampValidation::check);
    }

    private static void applyDefaults(ObjectNode body) {
        if (!body.has("semantics")) {
            body.put("semantics", "spane");
        }
        if (!body.has("cpuCoresPerNuma")) {
            body.put("cpuCoresPerNuma", DvampInstance.DEFAULT_CPU_CORES_PER_NUMA);
        }
        if (!body.has("memoryGiBPerNuma")) {
            body.put("memoryGiBPerNuma", DvampInstance.DEFAULT_MEMORY_GIB_PER_NUMA);
        }
        if (!body.has("doubleNumaThresholdGiB")) {
            body.put("doubleNumaThresholdGiB", DvampInstance.DEFAULT_DOUBLE_NUMA_THRESHOLD_GIB);
        }
        if (!body.has("departures")) {
            body.put("departures", true);
        }
    }

    @Override
    public ObjectNode writeInstance(DvampInstance instance) {
        return Json.MAPPER.valueToTree(instance);
    }

    @Override
    public String instanceName(DvampInstance instance) {
        return instance.name();
    }

    @Override
    public DvampSolution readSolution(ObjectNode document, DvampInstance instance, String file) {
        List<InputError> errors = new ArrayList<>();
        String semantics = document.get("semantics").asText();
        if (!semantics.equals(instance.semantics().json())) {
            errors.add(new InputError("$.semantics", "\"" + semantics + "\" but the instance has \""
                    + instance.semantics().json() + "\""));
        }
        DvampSolution.Schedule schedule = DvampSolution.Schedule.valueOf(
                document.get("schedule").asText().toUpperCase(java.util.Locale.ROOT));
        JsonNode policy = document.get("policy");
        JsonNode failed = document.get("failedVmId");
        List<DvampPlacement> placements = new ArrayList<>();
        ArrayNode array = (ArrayNode) document.get("placements");
        for (JsonNode entry : array) {
            JsonNode numa = entry.get("numa");
            placements.add(new DvampPlacement(entry.get("vmId").asText(), entry.get("pm").asInt(),
                    numa.isNull() ? null : numa.asInt(), entry.get("startSeconds").asLong()));
        }
        DvampSolution solution = new DvampSolution(schedule, policy == null || policy.isNull() ? null : policy.asText(),
                placements, failed == null || failed.isNull() ? null : failed.asText());
        JsonNode claimedWait = document.get("totalWaitSeconds");
        if (claimedWait != null && !claimedWait.isNull() && instance.semantics() == DvampSemantics.SPANE) {
            long actual = DvampEvaluator.totalWaitSeconds(instance, solution);
            if (claimedWait.asLong() != actual) {
                errors.add(new InputError("$.totalWaitSeconds", claimedWait.asLong() + " but the placements give "
                        + actual));
            }
        }
        JsonNode claimedCount = document.get("placedCount");
        if (claimedCount != null && claimedCount.asInt() != placements.size()) {
            errors.add(new InputError("$.placedCount", claimedCount.asInt() + " but " + placements.size()
                    + " placements are listed"));
        }
        if (!errors.isEmpty()) {
            throw new InputException("Solution", file, errors);
        }
        return solution;
    }

    @Override
    public ObjectNode writeSolution(DvampInstance instance, DvampSolution solution) {
        DvampEvaluator.Evaluation evaluation = DvampEvaluator.evaluate(instance, solution);
        ObjectNode node = Json.object();
        node.put("semantics", instance.semantics().json());
        node.put("schedule", solution.schedule().json());
        if (solution.policy() == null) {
            node.putNull("policy");
        } else {
            node.put("policy", solution.policy());
        }
        if (instance.semantics() == DvampSemantics.SPANE) {
            node.put("totalWaitSeconds", evaluation.totalWaitSeconds());
        } else {
            node.putNull("totalWaitSeconds");
        }
        node.put("placedCount", evaluation.placedCount());
        if (solution.failedVmId() == null) {
            node.putNull("failedVmId");
        } else {
            node.put("failedVmId", solution.failedVmId());
        }
        if (instance.semantics() == DvampSemantics.VMAGENT) {
            ObjectNode rates = node.putObject("allocationRate");
            rates.put("cpu", evaluation.cpuAllocationRate());
            rates.put("memory", evaluation.memoryAllocationRate());
        }
        node.set("placements", Json.MAPPER.valueToTree(solution.placements()));
        return node;
    }

    @Override
    public double objective(DvampInstance instance, DvampSolution solution) {
        return DvampEvaluator.objective(instance, solution);
    }

    @Override
    public List<Violation> verify(DvampInstance instance, DvampSolution solution) {
        return DvampVerifier.verify(instance, solution);
    }

    /**
     * The placement and start variables of the MILP (problems/dvamp.md §7), named as the exported
     * model names them: {@code x_vm12_pm3_numa1} or {@code y_vm12_pm3} = 1 and {@code st_vm12}.
     */
    @Override
    public java.util.Map<String, Double> solValues(DvampInstance instance, DvampSolution solution) {
        java.util.Map<String, Double> values = new java.util.LinkedHashMap<>();
        for (int j = 0; j < solution.placements().size(); j++) {
            DvampPlacement placement = solution.placements().get(j);
            values.put(placement.numa() == null ? "y_vm" + j + "_pm" + placement.pm()
                    : "x_vm" + j + "_pm" + placement.pm() + "_numa" + placement.numa(), 1.0);
            values.put("st_vm" + j, (double) placement.startSeconds());
        }
        return values;
    }

    /** The solution of a simulator run ({@code schedule: online}). */
    public static DvampSolution fromRun(DvampInstance instance, DvampRun run, String policy) {
        List<DvampPlacement> placements = new ArrayList<>(run.placedCount());
        for (int j = 0; j < run.placedCount(); j++) {
            DvampVm vm = instance.vms().get(j);
            int action = run.actions()[j];
            boolean isDouble = instance.isDouble(vm.memoryGiB());
            placements.add(new DvampPlacement(vm.id(), action >> 1, isDouble ? null : action & 1,
                    run.startSeconds()[j]));
        }
        String failed = run.failedVm() < 0 ? null : instance.vms().get(run.failedVm()).id();
        return new DvampSolution(DvampSolution.Schedule.ONLINE, policy, placements, failed);
    }
}
