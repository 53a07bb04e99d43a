package io.cloudopt.solvers.common;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A wall-clock guard on every time limit (DESIGN §4): if the backend has not stopped by
 * {@code limit + 5 % + 0.5 s}, it is asked to stop (CP-SAT {@code stopSearch}, MPSolver
 * {@code interruptSolve}, Timefold {@code terminateEarly}), so no solve overruns by more than
 * 10 % + 1 s.
 */
public final class Watchdog implements AutoCloseable {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cloudopt-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final ScheduledFuture<?> pending;
    private final AtomicBoolean fired = new AtomicBoolean();

    private Watchdog(Duration limit, Runnable stop) {
        long nanos = limit.toNanos() + limit.toNanos() / 20 + TimeUnit.MILLISECONDS.toNanos(500);
        this.pending = TIMER.schedule(() -> {
            fired.set(true);
            stop.run();
        }, nanos, TimeUnit.NANOSECONDS);
    }

    /** Starts guarding; close it when the solve returns. */
    public static Watchdog start(Duration limit, Runnable stop) {
        return new Watchdog(limit, stop);
    }

    /** Whether the watchdog had to stop the backend. */
    public boolean fired() {
        return fired.get();
    }

    @Override
    public void close() {
        pending.cancel(false);
    }
}
