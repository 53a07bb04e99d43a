package io.cloudopt.model.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/**
 * Reading and writing instance files: the {@code cloudopt-instance/1} envelope, the problem's JSON
 * Schema, then its semantic checks (DESIGN §3). Every reader goes through here.
 */
public final class Instances {
    public static final String FORMAT = "cloudopt-instance/1";
    static final String KIND = "Instance";

    private Instances() {
    }

    /** Reads, validates and binds an instance file of any problem. */
    public static LoadedInstance<?> read(Path file) {
        byte[] stored = Json.readBytes(file, KIND);
        JsonNode document = Json.parse(Json.gunzipIfNeeded(stored, file, KIND), file, KIND);
        Problem<?, ?> problem = problemOf(document, file);
        return bind(problem, (ObjectNode) document, file, Hashes.sha256(stored));
    }

    /** Reads an instance file that must belong to {@code problem}. */
    @SuppressWarnings("unchecked")
    public static <I> LoadedInstance<I> read(Path file, Problem<I, ?> problem) {
        LoadedInstance<?> loaded = read(file);
        if (loaded.problem() != problem) {
            throw new InputException(KIND, file.toString(), new InputError("$.problem",
                    "expected a \"" + problem.id() + "\" instance, found \"" + loaded.problem().id() + "\""));
        }
        return (LoadedInstance<I>) loaded;
    }

    private static <I> LoadedInstance<I> bind(Problem<I, ?> problem, ObjectNode document, Path file, String sha) {
        List<InputError> errors = JsonSchemas.validate(problem.id() + ".instance", document);
        if (!errors.isEmpty()) {
            throw new InputException(KIND, file.toString(), errors);
        }
        I instance = problem.readInstance(document, file.toString());
        return new LoadedInstance<>(file, sha, problem, instance);
    }

    static Problem<?, ?> problemOf(JsonNode document, Path file) {
        if (!document.isObject()) {
            throw new InputException(KIND, file.toString(), new InputError("$", "must be a JSON object"));
        }
        JsonNode format = document.get("format");
        if (format == null || !format.isTextual()) {
            throw new InputException(KIND, file.toString(), new InputError("$.format",
                    "missing: an instance file starts with \"format\": \"" + FORMAT + "\""));
        }
        if (!format.asText().equals(FORMAT)) {
            throw new InputException(KIND, file.toString(), new InputError("$.format",
                    "must be \"" + FORMAT + "\" (found \"" + format.asText() + "\")"
                            + (format.asText().startsWith("cloudopt-solution") ? "; this is a solution file" : "")));
        }
        JsonNode problem = document.get("problem");
        if (problem == null || !problem.isTextual()) {
            throw new InputException(KIND, file.toString(), new InputError("$.problem",
                    "missing: must be one of " + Problems.ids()));
        }
        return Problems.byId(problem.asText()).orElseThrow(() -> new InputException(KIND, file.toString(),
                new InputError("$.problem", "unknown problem \"" + problem.asText() + "\"; must be one of "
                        + Problems.ids())));
    }

    /** The full instance document: envelope, then the problem's fields. */
    public static <I> ObjectNode toJson(Problem<I, ?> problem, I instance) {
        ObjectNode document = Json.object();
        document.put("format", FORMAT);
        document.put("problem", problem.id());
        document.setAll(problem.writeInstance(instance));
        return document;
    }

    /** The bytes written for an instance (pretty JSON; gzip is applied by the file name). */
    public static <I> byte[] toBytes(Problem<I, ?> problem, I instance) {
        return Json.pretty(toJson(problem, instance));
    }

    /** Writes an instance file atomically and returns the SHA-256 of the stored bytes. */
    public static <I> void write(Path file, Problem<I, ?> problem, I instance) {
        AtomicFiles.write(file, toBytes(problem, instance));
    }

    /**
     * Validates an in-memory instance exactly as a read would (schema and semantic checks), e.g.
     * one produced by a generator or converter, before it is written.
     */
    public static <I> I revalidate(Problem<I, ?> problem, I instance, String origin) {
        ObjectNode document = toJson(problem, instance);
        List<InputError> errors = JsonSchemas.validate(problem.id() + ".instance", document);
        if (!errors.isEmpty()) {
            throw new InputException(KIND, origin, errors);
        }
        return problem.readInstance(document, origin);
    }
}
