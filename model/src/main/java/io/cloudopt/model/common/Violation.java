package io.cloudopt.model.common;

/**
 * A hard rule that a solution breaks, found by a problem's independent verifier.
 *
 * @param rule     the rule's number in {@code problems/<id>.md} (e.g. "O3", "S5", "C1")
 * @param location JSONPath of the offending solution entry ({@code $.placements[5]})
 * @param message  what is wrong, with the values involved
 */
public record Violation(String rule, String location, String message) {
    @Override
    public String toString() {
        return rule + " " + location + ": " + message;
    }
}
