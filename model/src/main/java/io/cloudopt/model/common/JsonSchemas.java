package io.cloudopt.model.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The JSON Schemas (draft 2020-12) shipped in this module, one per problem and document kind, and
 * their validation with messages in the project's wording ({@code $.vms[2].arrivalSeconds: must be
 * a whole number of seconds}).
 */
public final class JsonSchemas {
    private static final String RESOURCE_DIR = "/io/cloudopt/model/schemas/";
    /**
     * A schema may word its own messages: {@code "message": {"type": "must be a positive integer"}}
     * beside the keywords it explains.
     */
    static final String MESSAGE_KEYWORD = "message";
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_PATH).locale(Locale.ROOT).errorMessageKeyword(MESSAGE_KEYWORD).build();


    private JsonSchemas() {
    }

    /** The schema text of {@code name} (e.g. "dvamp.instance"), as {@code cloudopt schema} prints it. */
    public static String text(String name) {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean exists(String name) {
        return JsonSchemas.class.getResource(RESOURCE_DIR + name + ".schema.json") != null;
    }

    /** Every schema error in {@code document}, sorted by location, worded for users. */
    public static List<InputError> validate(String name, JsonNode document) {
        JsonSchema schema = CACHE.computeIfAbsent(name, JsonSchemas::load);
        List<InputError> errors = new ArrayList<>();
        for (ValidationMessage message : schema.validate(document)) {
            errors.add(translate(message));
        }
        errors.sort(Comparator.comparing(InputError::location).thenComparing(InputError::message));
        return errors.stream().distinct().collect(Collectors.toList());
    }

    private static JsonSchema load(String name) {
        try (InputStream in = open(name)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = JsonSchemas.class.getResourceAsStream(RESOURCE_DIR + name + ".schema.json");
        if (in == null) {
            throw new IllegalArgumentException("No schema named " + name);
        }
        return in;
    }

    private static InputError translate(ValidationMessage message) {
        String location = message.getInstanceLocation().toString();
        JsonNode schemaNode = message.getSchemaNode();
        JsonNode value = message.getInstanceNode();
        String field = lastName(location);
        String text = message.getMessage();
        if (text != null && !text.startsWith("$")) {
            return new InputError(location, text);
        }
        switch (message.getType()) {
            case "required":
                return new InputError(child(location, message.getProperty()), "required (missing field)");
            case "additionalProperties":
            case "unevaluatedProperties":
                return new InputError(child(location, message.getProperty()),
                        "unknown field \"" + message.getProperty() + "\"");
            case "type": {
                String expected = schemaNode == null ? "" : schemaNode.toString().replace("\"", "");
                if (expected.equals("integer") && value != null && value.isNumber()) {
                    return new InputError(location, field.endsWith("Seconds")
                            ? "must be a whole number of seconds" : "must be an integer");
                }
                return new InputError(location, "must be " + article(expected) + ", found "
                        + describe(value));
            }
            case "minimum":
            case "exclusiveMinimum":
            case "maximum":
            case "exclusiveMaximum": {
                String op = switch (message.getType()) {
                    case "minimum" -> ">=";
                    case "exclusiveMinimum" -> ">";
                    case "maximum" -> "<=";
                    default -> "<";
                };
                String kind = value != null && value.isIntegralNumber() ? "an integer" : "a number";
                return new InputError(location, "must be " + kind + " " + op + " "
                        + (schemaNode == null ? "?" : schemaNode.asText()) + " (found " + describe(value) + ")");
            }
            case "enum":
            case "const": {
                List<String> allowed = new ArrayList<>();
                if (schemaNode != null && schemaNode.isArray()) {
                    schemaNode.forEach(node -> allowed.add(node.toString()));
                } else if (schemaNode != null) {
                    allowed.add(schemaNode.toString());
                }
                return new InputError(location, "must be " + String.join(" or ", allowed)
                        + " (found " + describe(value) + ")");
            }
            case "minItems":
                return new InputError(location, value != null && value.isArray() && value.isEmpty()
                        ? "must not be empty" : "needs at least " + schemaNode.asText() + " entries");
            case "maxItems":
                return new InputError(location, "may have at most " + schemaNode.asText() + " entries");
            case "minLength":
                return new InputError(location, "must not be empty");
            default:
                return new InputError(location, stripLocation(message.getMessage(), location));
        }
    }

    private static String child(String location, String property) {
        if (property == null) {
            return location;
        }
        return property.matches("[A-Za-z_][A-Za-z0-9_]*") ? location + "." + property
                : location + "['" + property.replace("'", "\\'") + "']";
    }

    private static String lastName(String location) {
        int dot = location.lastIndexOf('.');
        String tail = dot < 0 ? location : location.substring(dot + 1);
        int bracket = tail.indexOf('[');
        return bracket < 0 ? tail : tail.substring(0, bracket);
    }

    private static String article(String type) {
        return switch (type) {
            case "integer", "object", "array" -> "an " + type;
            case "null" -> "null";
            default -> "a " + type;
        };
    }

    private static String describe(JsonNode value) {
        if (value == null) {
            return "nothing";
        }
        String text = value.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    private static String stripLocation(String text, String location) {
        return text.startsWith(location + ": ") ? text.substring(location.length() + 2) : text;
    }
}
