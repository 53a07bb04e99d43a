package io.cloudopt.solvers.common;

import com.google.ortools.linearsolver.MPSolver;
import io.cloudopt.model.common.AtomicFiles;
import io.cloudopt.model.common.InputException;
import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.common.Termination;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Running an MPSolver MILP under the solver contract. Backends are SCIP (default) and CBC, the two
 * that keep integrality and honour a time limit; SCIP runs on one thread (with more it stops at
 * the root). HiGHS is not offered: in OR-Tools 9.15 it throws when its time limit is hit.
 */
public final class MpSolverSupport {
    private MpSolverSupport() {
    }

    /** The MILP backends a user may choose. */
    public enum Backend {
        SCIP("SCIP"), CBC("CBC");

        private final String orToolsId;

        Backend(String orToolsId) {
            this.orToolsId = orToolsId;
        }

        public static Backend parse(String text) {
            for (Backend backend : values()) {
                if (backend.name().equalsIgnoreCase(text)) {
                    return backend;
                }
            }
            throw InputException.usage("unknown MILP backend \"" + text + "\"; expected scip or cbc");
        }
    }

    /** What the MILP established; values are read from the variables when {@code status.hasSolution()}. */
    public record Outcome(SolveStatus status, Termination termination, Double objective, Double bound, Duration wall,
                          Map<String, Object> stats) {
        public <S> SolveReport<S> report(S solution) {
            return new SolveReport<>(status, termination, solution, objective, bound, wall, stats);
        }
    }

    public static MPSolver create(Backend backend) {
        OrTools.load();
        MPSolver solver = MPSolver.createSolver(backend.orToolsId);
        if (solver == null) {
            throw new IllegalStateException("OR-Tools " + backend.orToolsId + " backend is not available");
        }
        return solver;
    }

    /** The shortest time a backend is given, even when building the model used the whole limit. */
    static final Duration MIN_SOLVE = Duration.ofMillis(200);

    /** Solvers whose native solve was abandoned after the deadline: they must not be deleted. */
    private static final java.util.Set<MPSolver> ABANDONED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Solves with the options' time limit counted from now, one thread, log only when asked. */
    public static Outcome solve(MPSolver solver, Backend backend, SolveOptions options) {
        return solve(solver, backend, options, System.nanoTime());
    }

    /**
     * Solves within the options' time limit counted from {@code startedNanos} (the start of the
     * whole solve, model building included). SCIP stops itself and answers {@code interruptSolve};
     * CBC overruns its own limit on hard models and cannot be interrupted, so its solve runs on a
     * worker thread that is abandoned (its result discarded) when the watchdog's deadline passes.
     */
    public static Outcome solve(MPSolver solver, Backend backend, SolveOptions options, long startedNanos) {
        Duration left = options.timeLimit().minusNanos(System.nanoTime() - startedNanos);
        Duration limit = left.compareTo(MIN_SOLVE) < 0 ? MIN_SOLVE : left;
        solver.setTimeLimit(Math.max(1L, limit.toMillis()));
        if (backend == Backend.SCIP) {
            solver.setNumThreads(1);
        }
        if (options.log()) {
            solver.enableOutput();
        } else {
            solver.suppressOutput();
        }
        long started = System.nanoTime();
        MPSolver.ResultStatus raw;
        boolean interrupted;
        if (backend == Backend.CBC) {
            java.util.concurrent.FutureTask<MPSolver.ResultStatus> task =
                    new java.util.concurrent.FutureTask<>(solver::solve);
            Thread worker = new Thread(task, "cloudopt-cbc");
            worker.setDaemon(true);
            worker.start();
            long graceNanos = limit.toNanos() + limit.toNanos() / 20 + 500_000_000L;
            try {
                raw = task.get(graceNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
                interrupted = false;
            } catch (java.util.concurrent.TimeoutException e) {
                ABANDONED.add(solver);
                Map<String, Object> stats = new LinkedHashMap<>();
                stats.put("backend", backend.name());
                stats.put("abandoned", "CBC overran its time limit; its solve was abandoned");
                return new Outcome(SolveStatus.UNKNOWN, Termination.INTERRUPTED, null, null,
                        Duration.ofNanos(System.nanoTime() - startedNanos), stats);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for CBC", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("CBC failed", e.getCause());
            }
        } else {
            try (Watchdog watchdog = Watchdog.start(limit, solver::interruptSolve)) {
                raw = solver.solve();
                interrupted = watchdog.fired();
            }
        }
        Duration solveWall = Duration.ofNanos(System.nanoTime() - started);
        Duration wall = Duration.ofNanos(System.nanoTime() - startedNanos);
        SolveStatus status = status(raw);
        boolean hitLimit = solveWall.toMillis() >= limit.toMillis() - 10;
        Termination termination = switch (raw) {
            case OPTIMAL, INFEASIBLE, UNBOUNDED -> Termination.CONVERGED;
            case FEASIBLE, NOT_SOLVED -> interrupted ? Termination.INTERRUPTED
                    : hitLimit ? Termination.TIME_LIMIT : Termination.INTERRUPTED;
            default -> Termination.ERROR;
        };
        Double objective = status.hasSolution() ? solver.objective().value() : null;
        Double bound = status.hasSolution() || raw == MPSolver.ResultStatus.NOT_SOLVED
                ? finiteOrNull(solver.objective().bestBound()) : null;
        if (raw == MPSolver.ResultStatus.OPTIMAL && objective != null) {
            bound = bound == null ? objective : bound;
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("backend", backend.name());
        stats.put("rawStatus", raw.name());
        stats.put("variables", solver.numVariables());
        stats.put("constraints", solver.numConstraints());
        stats.put("nodes", solver.nodes());
        stats.put("buildSeconds", (started - startedNanos) / 1e9);
        return new Outcome(status, termination, objective, bound, wall, stats);
    }

    /** Frees a solver's native memory, unless its solve was abandoned and still runs. */
    public static void release(MPSolver solver) {
        if (!ABANDONED.contains(solver)) {
            solver.delete();
        }
    }

    /** One switch for every MPSolver status (DESIGN §4). */
    public static SolveStatus status(MPSolver.ResultStatus raw) {
        return switch (raw) {
            case OPTIMAL -> SolveStatus.OPTIMAL;
            case FEASIBLE -> SolveStatus.FEASIBLE;
            case INFEASIBLE -> SolveStatus.INFEASIBLE;
            case UNBOUNDED -> SolveStatus.UNBOUNDED;
            case MODEL_INVALID -> SolveStatus.MODEL_INVALID;
            case NOT_SOLVED -> SolveStatus.UNKNOWN;
            default -> SolveStatus.ERROR;
        };
    }

    /** Writes the model in free MPS (gzip when the name ends in .gz) or, for {@code .lp}, LP format. */
    public static void export(MPSolver solver, Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String text = name.endsWith(".lp") || name.endsWith(".lp.gz")
                ? solver.exportModelAsLpFormat(false)
                : solver.exportModelAsMpsFormat(false, false);
        AtomicFiles.writeString(file, text);
    }

    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
