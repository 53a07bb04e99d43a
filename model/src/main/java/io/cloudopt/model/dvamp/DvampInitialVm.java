package io.cloudopt.model.dvamp;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A VM already running when a window starts: it occupies its node ({@code numa} 0/1), or both
 * nodes of its PM ({@code numa} null, a double VM), until {@code endSeconds}.
 */
public record DvampInitialVm(String id, int cpuCores, int memoryGiB, int pm,
                             @JsonInclude(JsonInclude.Include.ALWAYS) Integer numa, long endSeconds) {
}
