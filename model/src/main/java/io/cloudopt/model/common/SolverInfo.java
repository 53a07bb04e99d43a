package io.cloudopt.model.common;

import java.util.Map;

/** The {@code solver} object of a solution file: who solved, with which settings. */
public record SolverInfo(String name, String version, Double timeLimitSeconds, int threads, long seed,
                         Map<String, Object> params) {
    public SolverInfo {
        params = params == null ? Map.of() : Map.copyOf(params);
    }
}
