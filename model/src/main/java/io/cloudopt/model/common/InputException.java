package io.cloudopt.model.common;

import java.nio.file.Path;
import java.util.List;

/**
 * Bad input: a file, or a command-line value, that breaks one or more rules. Carries every error
 * found, each with its location, so a user can fix them all at once. The CLI maps it to exit code 2.
 */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String file;
    private final List<InputError> errors;

    /**
     * @param kind   what the file is, capitalised: "Instance", "Solution", "Trace", …
     * @param file   the file as the user named it, or null for a command-line value
     * @param errors at least one error
     */
    public InputException(String kind, String file, List<InputError> errors) {
        super(render(kind, file, errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("An InputException needs at least one error.");
        }
        this.kind = kind;
        this.file = file;
        this.errors = List.copyOf(errors);
    }

    public InputException(String kind, String file, InputError error) {
        this(kind, file, List.of(error));
    }

    /** A bad command-line value or option combination. */
    public static InputException usage(String message) {
        return new InputException("Argument", null, new InputError("", message));
    }

    public static InputException of(String kind, Path file, List<InputError> errors) {
        return new InputException(kind, file == null ? null : file.toString(), errors);
    }

    public String kind() {
        return kind;
    }

    public String file() {
        return file;
    }

    public List<InputError> errors() {
        return errors;
    }

    private static String render(String kind, String file, List<InputError> errors) {
        if (file == null) {
            return errors.size() == 1 ? errors.get(0).message()
                    : String.join("\n", errors.stream().map(InputError::message).toList());
        }
        String fileName = Path.of(file).getFileName().toString();
        StringBuilder text = new StringBuilder();
        text.append(kind).append(" file (").append(file).append(") is invalid");
        if (errors.size() > 1) {
            text.append(" (").append(errors.size()).append(" errors)");
        }
        text.append(':');
        for (InputError error : errors) {
            text.append("\n  ").append(error.render(fileName));
        }
        return text.toString();
    }
}
