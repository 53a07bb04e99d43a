package io.cloudopt.model.dvamp;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where and when one VM runs: node {@code numa} of PM {@code pm} for a single VM, both nodes
 * ({@code numa} null) for a double VM.
 */
public record DvampPlacement(String vmId, int pm, @JsonInclude(JsonInclude.Include.ALWAYS) Integer numa,
                             long startSeconds) {
    /** The canonical action 2i + k (2i for a double VM). */
    public int action() {
        return 2 * pm + (numa == null ? 0 : numa);
    }
}
