package io.cloudopt.solvers.common;

import java.nio.file.Path;

/** A solver that builds a MILP model and can write it for other solvers (free MPS or LP). */
public interface ModelExporter<I> {
    void exportModel(I instance, SolveOptions options, Path file);
}
