package io.cloudopt.solvers.common;

import io.cloudopt.model.common.InputException;
import io.cloudopt.model.common.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The solvers of one problem by command-line name, in the order the CLI lists them. The demo and
 * {@code gap} use {@link #heuristic()} and {@link #exact()} as their defaults.
 */
public final class SolverCatalog<I, S> {
    private final Problem<I, S> problem;
    private final Map<String, Entry<I, S>> entries = new LinkedHashMap<>();
    private final String heuristic;
    private final String exact;

    /** One solver: its name, a one-line description, and a factory. */
    public record Entry<I, S>(String name, String description, Supplier<Solver<I, S>> factory) {
    }

    public SolverCatalog(Problem<I, S> problem, List<Entry<I, S>> entries, String heuristic, String exact) {
        this.problem = problem;
        for (Entry<I, S> entry : entries) {
            if (this.entries.put(entry.name(), entry) != null) {
                throw new IllegalArgumentException("Duplicate solver name " + entry.name());
            }
        }
        this.heuristic = heuristic;
        this.exact = exact;
    }

    public Problem<I, S> problem() {
        return problem;
    }

    public List<String> names() {
        return List.copyOf(entries.keySet());
    }

    public List<Entry<I, S>> entries() {
        return List.copyOf(entries.values());
    }

    /** The solver named {@code name}; bad input (exit 2) when there is none. */
    public Solver<I, S> create(String name) {
        Entry<I, S> entry = entries.get(name);
        if (entry == null) {
            throw InputException.usage("unknown solver \"" + name + "\" for " + problem.id() + "; expected one of "
                    + String.join(", ", entries.keySet()));
        }
        return entry.factory().get();
    }

    /** The default heuristic's name (demo, gap). */
    public String heuristic() {
        return heuristic;
    }

    /** The default exact solver's name (solve, demo, gap). */
    public String exact() {
        return exact;
    }
}
