package io.cloudopt.model.rescheduling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudopt.model.common.InstanceBinding;
import io.cloudopt.model.common.Json;
import io.cloudopt.model.common.Problem;
import io.cloudopt.model.common.Sense;
import io.cloudopt.model.common.Violation;
import java.util.ArrayList;
import java.util.List;

/** The rescheduling problem in the shared format (problems/rescheduling.md §3–4). */
public final class ReschedulingProblem implements Problem<ReschedulingInstance, ReschedulingSolution> {
    public static final ReschedulingProblem INSTANCE = new ReschedulingProblem();

    /** The solver name whose solutions are replayed with the original code's relaxed rules (§5.6). */
    public static final String VMR2L_SOLVER = "greedy-vmr2l";

    private ReschedulingProblem() {
    }

    @Override
    public String id() {
        return "rescheduling";
    }

    @Override
    public Sense sense(ReschedulingInstance instance) {
        return Sense.MINIMIZE;
    }

    @Override
    public Class<ReschedulingInstance> instanceType() {
        return ReschedulingInstance.class;
    }

    @Override
    public ReschedulingInstance readInstance(ObjectNode document, String file) {
        return InstanceBinding.bind(document, file, ReschedulingInstance.class, body -> {
            if (!body.has("numaFlipCountsAsMigration")) {
                body.put("numaFlipCountsAsMigration", true);
            }
            if (!body.has("antiAffinityGroups")) {
                body.putArray("antiAffinityGroups");
            }
        }, ReschedulingValidation::check);
    }

    @Override
    public ObjectNode writeInstance(ReschedulingInstance instance) {
        return Json.MAPPER.valueToTree(instance);
    }

    @Override
    public String instanceName(ReschedulingInstance instance) {
        return instance.name();
    }

    @Override
    public ReschedulingSolution readSolution(ObjectNode document, ReschedulingInstance instance, String file) {
        List<ReschedulingSolution.Step> plan = new ArrayList<>();
        for (JsonNode step : document.get("plan")) {
            plan.add(new ReschedulingSolution.Step(step.get("step").asInt(), step.get("vm").asText(),
                    step.get("fromPm").asText(), ints(step.get("fromNumas")), step.get("toPm").asText(),
                    ints(step.get("toNumas"))));
        }
        List<ReschedulingSolution.Location> placement = new ArrayList<>();
        for (JsonNode entry : document.get("placement")) {
            placement.add(new ReschedulingSolution.Location(entry.get("vm").asText(), entry.get("pm").asText(),
                    ints(entry.get("numas"))));
        }
        boolean relaxed = VMR2L_SOLVER.equals(document.get("solver").get("name").asText());
        return new ReschedulingSolution(plan, placement, relaxed);
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asInt()));
        return values;
    }

    @Override
    public ObjectNode writeSolution(ReschedulingInstance instance, ReschedulingSolution solution) {
        ReschedulingEvaluator.Evaluation evaluation = ReschedulingEvaluator.evaluate(instance, solution);
        ObjectNode node = Json.object();
        node.put("fragmentRate", evaluation.fragmentRate());
        node.put("initialFragmentRate", evaluation.initialFragmentRate());
        node.put("freeCpuCores", evaluation.freeCpuCores());
        node.put("fragmentCpuCoresTotal", evaluation.fragmentCpuCoresTotal());
        node.put("freeSlots", evaluation.freeSlots());
        node.put("migrationsCounted", evaluation.migrationsCounted());
        ArrayNode plan = node.putArray("plan");
        for (ReschedulingSolution.Step step : solution.plan()) {
            plan.add(Json.MAPPER.valueToTree(step));
        }
        ArrayNode placement = node.putArray("placement");
        for (ReschedulingSolution.Location location : solution.placement()) {
            placement.add(Json.MAPPER.valueToTree(location));
        }
        return node;
    }

    @Override
    public double objective(ReschedulingInstance instance, ReschedulingSolution solution) {
        return ReschedulingEvaluator.objective(instance, solution);
    }

    @Override
    public List<Violation> verify(ReschedulingInstance instance, ReschedulingSolution solution) {
        return ReschedulingVerifier.verify(instance, solution);
    }

    /** A solution from a final state and the plan that reached it. */
    public static ReschedulingSolution fromPlan(ReschedulingState finalState, List<ReschedulingSolution.Step> plan,
                                                boolean relaxedRules) {
        List<ReschedulingSolution.Location> placement = new ArrayList<>(finalState.vmCount());
        for (int v = 0; v < finalState.vmCount(); v++) {
            placement.add(new ReschedulingSolution.Location(finalState.vmId(v), finalState.pmId(finalState.host(v)),
                    ReschedulingState.numas(finalState.numaMask(v))));
        }
        return new ReschedulingSolution(plan, placement, relaxedRules);
    }
}
