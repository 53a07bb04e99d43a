package io.cloudopt.model.dvamp;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Converter metadata: how an instance was cut from a trace. Checked (I8) but never changing the
 * semantics.
 *
 * @param name                    "spane" (probe + extra placements) or "window"
 * @param startIndex              first trace row used (the episode's start index)
 * @param firstFitProbePlacements L, the first-fit probe length (spane), or null
 * @param addedPlacements         the extra placements after the probe (spane), or null
 * @param warmupPlacements        placements run before the window (window with warm-up), or null
 * @param warmupPolicy            policy of the warm-up, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DvampProtocol(String name, Long startIndex, Integer firstFitProbePlacements, Integer addedPlacements,
                            Integer warmupPlacements, String warmupPolicy) {
}
