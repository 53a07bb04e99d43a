package io.cloudopt.model.common;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** The one configured Jackson mapper, and reading of JSON files ({@code .json} or gzip). */
public final class Json {
    /** Strict: duplicate keys and unknown properties fail; no NaN; no float where an integer is expected. */
    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** Reads a file's bytes, gunzipping when it starts with the gzip magic number. */
    public static byte[] readBytes(Path file, String kind) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(kind, file.toString(), new InputError("", "no such file"));
        } catch (IOException e) {
            throw new InputException(kind, file.toString(), new InputError("", "cannot read: " + e.getMessage()));
        }
    }

    public static boolean isGzip(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
    }

    public static byte[] gunzipIfNeeded(byte[] bytes, Path file, String kind) {
        if (!isGzip(bytes)) {
            return bytes;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new InputException(kind, file.toString(), new InputError("", "corrupt gzip data: " + e.getMessage()));
        }
    }

    /** Parses one JSON document; a syntax error becomes an {@link InputException} naming line and column. */
    public static JsonNode parse(byte[] jsonBytes, Path file, String kind) {
        try (JsonParser parser = MAPPER.createParser(jsonBytes)) {
            JsonNode node = MAPPER.readTree(parser);
            if (node == null || node.isMissingNode()) {
                throw new InputException(kind, file.toString(), new InputError("", "empty file (expected a JSON object)"));
            }
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentLocation();
                throw new InputException(kind, file.toString(), InputError.line(at.getLineNr(),
                        "column %d: trailing content after the JSON document", at.getColumnNr()));
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String what = e.getOriginalMessage();
            if (at == null) {
                throw new InputException(kind, file.toString(), new InputError("", "malformed JSON: " + what));
            }
            throw new InputException(kind, file.toString(), InputError.line(at.getLineNr(),
                    "column %d: malformed JSON: %s", at.getColumnNr(), what));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads and parses a JSON file (plain or gzip). */
    public static JsonNode readFile(Path file, String kind) {
        return parse(gunzipIfNeeded(readBytes(file, kind), file, kind), file, kind);
    }

    /** Pretty JSON text with a trailing newline. */
    public static byte[] pretty(JsonNode node) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, node);
            out.write('\n');
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compact one-line JSON text, no newline. */
    public static String compact(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
