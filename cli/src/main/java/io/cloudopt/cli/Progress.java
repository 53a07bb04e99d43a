package io.cloudopt.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress line on stderr for runs over a few seconds (DESIGN §7): silent for the first two
 * seconds, then at most one line per second, and a final line when it was shown at all.
 */
final class Progress {
    private static final long QUIET_NANOS = 2_000_000_000L;
    private static final long EVERY_NANOS = 1_000_000_000L;

    private final PrintWriter err;
    private final String what;
    private final long total;
    private final long started = System.nanoTime();
    private long lastShown;
    private boolean shown;

    Progress(PrintWriter err, String what, long total) {
        this.err = err;
        this.what = what;
        this.total = total;
    }

    void update(long done) {
        long now = System.nanoTime();
        if (now - started < QUIET_NANOS || now - lastShown < EVERY_NANOS) {
            return;
        }
        lastShown = now;
        shown = true;
        err.printf(Locale.ROOT, "[%s] %d/%d (%.0f s)%n", what, done, total, (now - started) / 1e9);
        err.flush();
    }

    void done() {
        if (shown) {
            err.printf(Locale.ROOT, "[%s] %d/%d done (%.1f s)%n", what, total, total, (System.nanoTime() - started) / 1e9);
            err.flush();
        }
    }
}
