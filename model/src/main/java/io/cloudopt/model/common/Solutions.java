package io.cloudopt.model.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reading and writing {@code cloudopt-solution/1} files and MIPLIB-style {@code .sol} files. */
public final class Solutions {
    public static final String FORMAT = "cloudopt-solution/1";
    static final String KIND = "Solution";

    private Solutions() {
    }

    /** A solution file's envelope and decisions. */
    public record Read<S>(SolutionEnvelope envelope, S solution) {
    }

    /** The full solution document: envelope, then the problem's fields. */
    public static <I, S> ObjectNode toJson(Problem<I, S> problem, I instance, SolutionEnvelope envelope, S solution) {
        ObjectNode document = Json.object();
        document.put("format", FORMAT);
        document.put("problem", problem.id());
        document.put("instance", envelope.instance());
        document.put("instanceSha256", envelope.instanceSha256());
        ObjectNode solver = document.putObject("solver");
        SolverInfo info = envelope.solver();
        solver.put("name", info.name());
        solver.put("version", info.version());
        if (info.timeLimitSeconds() == null) {
            solver.putNull("timeLimitSeconds");
        } else {
            solver.put("timeLimitSeconds", info.timeLimitSeconds());
        }
        solver.put("threads", info.threads());
        solver.put("seed", info.seed());
        solver.set("params", Json.MAPPER.valueToTree(info.params()));
        document.put("status", envelope.status().name());
        document.put("termination", envelope.termination().name());
        putNumber(document, "objective", envelope.objective());
        putNumber(document, "bound", envelope.bound());
        putNumber(document, "absGap", envelope.absGap());
        document.put("relGap", envelope.relGap());
        putNumber(document, "wallSeconds", envelope.wallSeconds());
        document.put("verified", envelope.verified());
        ArrayNode violations = document.putArray("violations");
        for (Violation violation : envelope.violations()) {
            ObjectNode entry = violations.addObject();
            entry.put("rule", violation.rule());
            entry.put("location", violation.location());
            entry.put("message", violation.message());
        }
        if (solution != null) {
            document.setAll(problem.writeSolution(instance, solution));
        }
        return document;
    }

    public static <I, S> void write(Path file, Problem<I, S> problem, I instance, SolutionEnvelope envelope,
                                    S solution) {
        AtomicFiles.write(file, Json.pretty(toJson(problem, instance, envelope, solution)));
    }

    /**
     * A MIPLIB-style solution file: {@code =obj= value}, then {@code name value} per variable.
     */
    public static void writeSol(Path file, double objective, Map<String, Double> values) {
        StringBuilder text = new StringBuilder();
        text.append("=obj= ").append(format(objective)).append('\n');
        values.forEach((name, value) -> text.append(name).append(' ').append(format(value)).append('\n'));
        AtomicFiles.writeString(file, text.toString());
    }

    /** Reads a solution file of {@code instance}; the envelope, the schema and the decisions are checked. */
    public static <I, S> Read<S> read(Path file, Problem<I, S> problem, I instance) {
        JsonNode node = Json.readFile(file, KIND);
        if (!node.isObject()) {
            throw new InputException(KIND, file.toString(), new InputError("$", "must be a JSON object"));
        }
        ObjectNode document = (ObjectNode) node;
        JsonNode format = document.get("format");
        if (format == null || !FORMAT.equals(format.asText())) {
            throw new InputException(KIND, file.toString(), new InputError("$.format",
                    "must be \"" + FORMAT + "\"" + (format == null ? "" : " (found " + format + ")")));
        }
        JsonNode problemId = document.get("problem");
        if (problemId == null || !problem.id().equals(problemId.asText())) {
            throw new InputException(KIND, file.toString(), new InputError("$.problem",
                    "must be \"" + problem.id() + "\" like its instance" + (problemId == null ? "" : " (found "
                            + problemId + ")")));
        }
        List<InputError> errors = JsonSchemas.validate(problem.id() + ".solution", document);
        if (!errors.isEmpty()) {
            throw new InputException(KIND, file.toString(), errors);
        }
        S solution = problem.readSolution(document, instance, file.toString());
        return new Read<>(envelope(document), solution);
    }

    private static SolutionEnvelope envelope(ObjectNode document) {
        JsonNode solver = document.get("solver");
        @SuppressWarnings("unchecked")
        Map<String, Object> params = Json.MAPPER.convertValue(solver.get("params"), Map.class);
        SolverInfo info = new SolverInfo(solver.get("name").asText(), solver.get("version").asText(),
                number(solver.get("timeLimitSeconds")), solver.get("threads").asInt(), solver.get("seed").asLong(),
                params);
        List<Violation> violations = new ArrayList<>();
        for (JsonNode entry : document.get("violations")) {
            violations.add(new Violation(entry.get("rule").asText(), entry.get("location").asText(),
                    entry.get("message").asText()));
        }
        return new SolutionEnvelope(document.get("instance").asText(), document.get("instanceSha256").asText(), info,
                SolveStatus.valueOf(document.get("status").asText()),
                Termination.valueOf(document.get("termination").asText()), number(document.get("objective")),
                number(document.get("bound")), number(document.get("wallSeconds")),
                document.get("verified").asBoolean(), violations);
    }

    private static Double number(JsonNode node) {
        return node == null || node.isNull() ? null : node.asDouble();
    }

    private static void putNumber(ObjectNode document, String field, Double value) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            document.putNull(field);
        } else {
            document.put(field, value);
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value) : String.format(Locale.ROOT, "%.17g", value);
    }
}
