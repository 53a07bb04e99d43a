package io.cloudopt.solvers.common;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings every solver takes (DESIGN §5).
 *
 * @param timeLimit wall-clock limit, enforced by the solver and a watchdog
 * @param threads   worker threads (1 by default: deterministic)
 * @param seed      random seed, recorded in every report
 * @param log       show the backend's own log on stderr
 */
public record SolveOptions(Duration timeLimit, int threads, long seed, boolean log) {
    public static final SolveOptions DEFAULT = new SolveOptions(Duration.ofSeconds(60), 1, 1L, false);

    public SolveOptions {
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("The timeLimit (" + timeLimit + ") must be positive.");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("The threads (" + threads + ") must be at least 1.");
        }
    }

    public static SolveOptions withTimeLimit(Duration timeLimit) {
        return new SolveOptions(timeLimit, 1, 1L, false);
    }

    public SolveOptions withTime(Duration newLimit) {
        return new SolveOptions(newLimit, threads, seed, log);
    }

    public double timeLimitSeconds() {
        return timeLimit.toNanos() / 1e9;
    }
}
