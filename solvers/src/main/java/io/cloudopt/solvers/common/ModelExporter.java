package io.cloudopt.solvers.common;

import java.nio.file.Path;

/**
 * A solver whose model can be written for other tools (DESIGN §3 "interop copies"): free MPS,
 * gzipped when the name ends in {@code .gz}, or LP for a name ending in {@code .lp}.
 *
 * @param <I> the instance record
 */
public interface ModelExporter<I> {
    /** Builds the model the solver would solve with {@code options} and writes it to {@code file}. */
    void exportModel(I instance, SolveOptions options, Path file);
}
