package io.cloudopt.model.provisioning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudopt.model.common.InputError;
import io.cloudopt.model.common.InputException;
import io.cloudopt.model.common.InstanceBinding;
import io.cloudopt.model.common.Json;
import io.cloudopt.model.common.Problem;
import io.cloudopt.model.common.Sense;
import io.cloudopt.model.common.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The provisioning problem in the shared format (problems/provisioning.md §3–4). */
public final class ProvisioningProblem implements Problem<ProvisioningInstance, ProvisioningSolution> {
    public static final ProvisioningProblem INSTANCE = new ProvisioningProblem();

    private ProvisioningProblem() {
    }

    @Override
    public String id() {
        return "provisioning";
    }

    @Override
    public Sense sense(ProvisioningInstance instance) {
        return Sense.MINIMIZE;
    }

    @Override
    public Class<ProvisioningInstance> instanceType() {
        return ProvisioningInstance.class;
    }

    @Override
    public ProvisioningInstance readInstance(ObjectNode document, String file) {
        List<InputError> nonFinite = ProvisioningValidation.nonFiniteNumbers(document);
        if (!nonFinite.isEmpty()) {
            throw new InputException("Instance", file, nonFinite);
        }
        // No defaults to fill in: every problem field is required (§3).
        return InstanceBinding.bind(document, file, ProvisioningInstance.class, body -> { },
                ProvisioningValidation::check);
    }

    @Override
    public ObjectNode writeInstance(ProvisioningInstance instance) {
        return Json.MAPPER.valueToTree(instance);
    }

    @Override
    public String instanceName(ProvisioningInstance instance) {
        return instance.name();
    }

    @Override
    public ProvisioningSolution readSolution(ObjectNode document, ProvisioningInstance instance, String file) {
        List<InputError> nonFinite = ProvisioningValidation.nonFiniteNumbers(document);
        if (!nonFinite.isEmpty()) {
            throw new InputException("Solution", file, nonFinite);
        }
        List<ProvisioningSolution.Pool> pools = new ArrayList<>();
        for (JsonNode pool : document.get("pools")) {
            List<String> stages = new ArrayList<>();
            pool.get("stages").forEach(stage -> stages.add(stage.asText()));
            pools.add(new ProvisioningSolution.Pool(pool.get("id").asText(), pool.get("vmType").asText(), stages));
        }
        List<ProvisioningSolution.Period> periods = new ArrayList<>();
        for (JsonNode period : document.get("periods")) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            period.get("vmCount").fields().forEachRemaining(entry -> counts.put(entry.getKey(),
                    entry.getValue().asInt()));
            List<ProvisioningSolution.Routing> routing = new ArrayList<>();
            for (JsonNode route : period.get("routing")) {
                routing.add(new ProvisioningSolution.Routing(route.get("stage").asText(),
                        route.get("faasMemoryMiB").asInt(), text(route.get("pool")),
                        route.get("vmFraction").asDouble(), integer(route.get("vmMaxPerSecond")),
                        number(route.get("budgetMs"))));
            }
            periods.add(new ProvisioningSolution.Period(period.get("period").asInt(), number(period.get("fromSeconds")),
                    counts, routing));
        }
        List<ProvisioningSolution.Action> actions = new ArrayList<>();
        for (JsonNode action : document.get("actions")) {
            actions.add(new ProvisioningSolution.Action(action.get("timeSeconds").asDouble(),
                    action.get("type").asText(), action.get("pool").asText(), action.get("count").asInt()));
        }
        JsonNode simulation = document.get("simulation");
        long seed = simulation.get("seed").asLong();
        ProvisioningOutcome recorded = null;
        if (simulation.has("costUsd")) {
            try {
                recorded = Json.MAPPER.treeToValue(simulation, ProvisioningOutcome.class);
            } catch (JsonProcessingException e) {
                throw new InputException("Solution", file, new InputError("$.simulation", e.getOriginalMessage()));
            }
        }
        return new ProvisioningSolution(document.get("policy").asText(), pools, periods, actions, seed, recorded,
                text(document.get("vmQueueGuard")));
    }

    @Override
    public ObjectNode writeSolution(ProvisioningInstance instance, ProvisioningSolution solution) {
        ProvisioningOutcome outcome = solution.recorded() != null ? solution.recorded()
                : ProvisioningSimulator.run(instance, solution, solution.seed()).outcome();
        ObjectNode node = Json.object();
        node.put("policy", solution.policy());
        if (solution.unguarded()) {
            node.put("vmQueueGuard", solution.vmQueueGuard());
        }
        node.set("pools", Json.MAPPER.valueToTree(solution.pools()));
        node.set("periods", Json.MAPPER.valueToTree(solution.periods()));
        node.set("actions", Json.MAPPER.valueToTree(solution.actions()));
        node.set("simulation", Json.MAPPER.valueToTree(outcome));
        return node;
    }

    @Override
    public double objective(ProvisioningInstance instance, ProvisioningSolution solution) {
        return ProvisioningEvaluator.objective(instance, solution);
    }

    @Override
    public List<Violation> verify(ProvisioningInstance instance, ProvisioningSolution solution) {
        return ProvisioningVerifier.verify(instance, solution);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static Integer integer(JsonNode node) {
        return node == null || node.isNull() ? null : node.asInt();
    }

    private static Double number(JsonNode node) {
        return node == null || node.isNull() ? null : node.asDouble();
    }
}
