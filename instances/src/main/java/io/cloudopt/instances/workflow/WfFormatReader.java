package io.cloudopt.instances.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudopt.model.common.InputError;
import io.cloudopt.model.common.InputException;
import io.cloudopt.model.common.Json;
import io.cloudopt.model.workflow.Workflow;
import io.cloudopt.model.workflow.WorkflowTask;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a WfCommons WfFormat JSON workflow (problems/workflow.md §11): schema 1.4 lists
 * {@code workflow.tasks[]} ({@code name}, {@code parents}, {@code children},
 * {@code runtimeInSeconds}); 1.5 and 1.6 list {@code workflow.specification.tasks[]} ({@code id},
 * {@code parents}, {@code children}) and take {@code runtimeInSeconds} from
 * {@code workflow.execution.tasks[]} by id. Parents and children must agree.
 */
public final class WfFormatReader {
    static final String KIND = "WfFormat";

    private WfFormatReader() {
    }

    public static Workflow read(Path file, String workflowId, double arrivalSeconds, double runtimeScale) {
        if (!(runtimeScale > 0) || !Double.isFinite(runtimeScale)) {
            throw InputException.usage("--runtime-scale must be > 0 (got " + runtimeScale + ")");
        }
        JsonNode root = Json.readFile(file, KIND);
        List<InputError> errors = new ArrayList<>();
        String version = root.path("schemaVersion").asText("");
        String application = root.path("name").asText("workflow");
        JsonNode tasks;
        String tasksPath;
        String idField;
        Map<String, Double> runtimes = new HashMap<>();
        switch (version) {
            case "1.4" -> {
                tasks = root.path("workflow").path("tasks");
                tasksPath = "$.workflow.tasks";
                idField = "name";
            }
            case "1.5", "1.6" -> {
                tasks = root.path("workflow").path("specification").path("tasks");
                tasksPath = "$.workflow.specification.tasks";
                idField = "id";
                JsonNode execution = root.path("workflow").path("execution").path("tasks");
                for (int i = 0; i < execution.size(); i++) {
                    JsonNode entry = execution.get(i);
                    JsonNode runtime = entry.get("runtimeInSeconds");
                    if (runtime != null && runtime.isNumber()) {
                        runtimes.put(entry.path("id").asText(), runtime.asDouble());
                    }
                }
            }
            default -> throw new InputException(KIND, file.toString(), new InputError("$.schemaVersion",
                    (version.isEmpty() ? "missing" : version) + " not supported (1.4–1.6)"));
        }
        if (!tasks.isArray() || tasks.isEmpty()) {
            throw new InputException(KIND, file.toString(), new InputError(tasksPath, "missing or empty"));
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            String id = tasks.get(i).path(idField).asText("");
            if (id.isEmpty()) {
                errors.add(new InputError(tasksPath + "[" + i + "]." + idField, "missing task " + idField));
            } else if (index.putIfAbsent(id, i) != null) {
                errors.add(new InputError(tasksPath + "[" + i + "]." + idField, "duplicates \"" + id + "\""));
            }
            ids.add(id);
        }
        List<Set<String>> parents = new ArrayList<>();
        List<Set<String>> children = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            parents.add(strings(tasks.get(i).path("parents")));
            children.add(strings(tasks.get(i).path("children")));
        }
        List<WorkflowTask> result = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            JsonNode task = tasks.get(i);
            String at = tasksPath + "[" + i + "]";
            Double runtime = version.equals("1.4")
                    ? (task.path("runtimeInSeconds").isNumber() ? task.path("runtimeInSeconds").asDouble() : null)
                    : runtimes.get(ids.get(i));
            if (runtime == null) {
                errors.add(new InputError(version.equals("1.4") ? at + ".runtimeInSeconds" : at,
                        "missing runtimeInSeconds for task \"" + ids.get(i) + "\""));
                continue;
            }
            List<String> parentList = new ArrayList<>();
            int p = 0;
            for (String parent : parents.get(i)) {
                Integer parentIndex = index.get(parent);
                if (parentIndex == null) {
                    errors.add(new InputError(at + ".parents[" + p + "]", "unknown task \"" + parent + "\""));
                } else if (!children.get(parentIndex).contains(ids.get(i))) {
                    errors.add(new InputError(at + ".parents[" + p + "]", "task " + ids.get(i) + " lists parent "
                            + parent + " but " + parent + " lacks child " + ids.get(i)));
                } else {
                    parentList.add(parent);
                }
                p++;
            }
            int c = 0;
            for (String child : children.get(i)) {
                Integer childIndex = index.get(child);
                if (childIndex == null) {
                    errors.add(new InputError(at + ".children[" + c + "]", "unknown task \"" + child + "\""));
                } else if (!parents.get(childIndex).contains(ids.get(i))) {
                    errors.add(new InputError(at + ".children[" + c + "]", "task " + ids.get(i) + " lists child "
                            + child + " but " + child + " lacks parent " + ids.get(i)));
                }
                c++;
            }
            result.add(new WorkflowTask(ids.get(i), runtime * runtimeScale, parentList));
        }
        if (!errors.isEmpty()) {
            throw new InputException(KIND, file.toString(), errors);
        }
        return new Workflow(workflowId, application, arrivalSeconds, null, result);
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new java.util.LinkedHashSet<>();
        for (JsonNode node : array) {
            values.add(node.asText());
        }
        return values;
    }
}
