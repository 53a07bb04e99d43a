package io.cloudopt.cli;

import io.cloudopt.solvers.common.SolveOptions;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The solver settings of DESIGN §5 as command-line options. */
final class SolveSettings {
    @Option(names = "--time-limit", defaultValue = "60s", converter = DurationConverter.class,
            description = "Wall-clock limit per solve: 60s, 500ms, 2m, or seconds (default: ${DEFAULT-VALUE}).")
    Duration timeLimit;

    @Option(names = "--threads", defaultValue = "1", description = "Solver threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--log", description = "Show the solver backend's own log on stderr.")
    boolean log;

    SolveOptions options() {
        if (threads < 1) {
            throw io.cloudopt.model.common.InputException.usage("--threads must be at least 1 (got " + threads + ")");
        }
        return new SolveOptions(timeLimit, threads, seed, log);
    }
}
