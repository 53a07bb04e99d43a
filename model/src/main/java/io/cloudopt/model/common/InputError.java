package io.cloudopt.model.common;

import java.util.Objects;

/**
 * One rule broken by an input file.
 *
 * @param location a {@code $.}-prefixed JSONPath for JSON input ({@code $.vms[3].memoryGiB}), or
 *                 {@code line N} for CSV and XML input, or empty when the whole file is concerned
 * @param message  the rule, worded for the user ({@code duplicate id "v1"})
 */
public record InputError(String location, String message) {
    public InputError {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    public static InputError at(String location, String format, Object... args) {
        return new InputError(location, args.length == 0 ? format : String.format(java.util.Locale.ROOT, format, args));
    }

    public static InputError line(long lineNumber, String format, Object... args) {
        return at("line " + lineNumber, format, args);
    }

    /** The error as a user reads it, with the file name before a line location. */
    public String render(String fileName) {
        if (location.isEmpty()) {
            return message;
        }
        if (location.startsWith("line ")) {
            return fileName + " " + location + ": " + message;
        }
        return location + ": " + message;
    }
}
