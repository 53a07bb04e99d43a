package io.cloudopt.benchmarks.dvamp;

import io.cloudopt.model.dvamp.DvampObserver;
import io.cloudopt.model.dvamp.DvampPolicies;
import io.cloudopt.model.dvamp.DvampPolicy;
import io.cloudopt.model.dvamp.DvampTrace;
import io.cloudopt.model.dvamp.SpaneProtocol;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Wall time of the whole SPANE protocol (problems/dvamp.md §6, §12(c)) in one cold JVM: read the
 * trace, run the first-fit probe once per test episode, then each policy over every episode. Prints
 * per-phase wall times, time per placement and the trimmed and plain means, so a timing run also
 * shows that the numbers are the published ones. Not JMH: this is the time a user waits, JIT
 * warm-up included.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.cloudopt.benchmarks.dvamp.SpaneProtocolTiming \
 *     [--data DIR] [--pms N] [--policies ff,balance,bf] [--repeat R]
 * </pre>
 */
public final class SpaneProtocolTiming {
    /** §12(c) at N = 5: the 10 % trimmed means the run must reproduce. */
    private static final Map<String, Double> PUBLISHED_TRIMMED_MEANS =
            Map.of("ff", 89_822.5225, "balance", 86_009.90875, "bf", 101_103.385);

    private SpaneProtocolTiming() {
    }

    public static void main(String[] args) {
        long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        Path directory = null;
        int pms = SpaneSuiteData.PM_COUNT;
        List<String> policies = List.of("ff", "balance", "bf");
        int repeat = 1;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("The option (" + option + ") needs a value.");
            }
            String value = args[++i];
            switch (option) {
                case "--data" -> directory = Path.of(value);
                case "--pms" -> pms = Integer.parseInt(value);
                case "--policies" -> policies = List.of(value.split(","));
                case "--repeat" -> repeat = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("Unknown option (" + option
                        + ").\nMaybe use one of --data DIR, --pms N, --policies ff,balance,bf, --repeat R.");
            }
        }
        if (directory != null) {
            System.setProperty("cloudopt.dvamp.data", directory.toString());
        }
        directory = SpaneSuiteData.directory();

        long started = System.nanoTime();
        DvampTrace trace = SpaneSuiteData.trace(directory);
        int[] starts = SpaneSuiteData.testStartIndices(directory);
        long readNanos = System.nanoTime() - started;
        print("read trace (%d rows) + %d start indices", readNanos, -1, trace.rows(), starts.length);

        SpaneProtocol protocol = SpaneSuiteData.protocol(trace, pms);
        for (int round = 1; round <= repeat; round++) {
            if (repeat > 1) {
                System.out.printf(Locale.ROOT, "round %d of %d%n", round, repeat);
            }
            long probeStarted = System.nanoTime();
            SpaneProtocol.Episode[] episodes = new SpaneProtocol.Episode[starts.length];
            long probePlacements = 0;
            long placements = 0;
            for (int e = 0; e < starts.length; e++) {
                episodes[e] = protocol.episode(e, starts[e]);
                probePlacements += episodes[e].probePlacements();
                placements += episodes[e].placements();
            }
            print("ff probes, %d episodes, N=%d", System.nanoTime() - probeStarted, probePlacements,
                    starts.length, pms);

            for (String name : policies) {
                long policyStarted = System.nanoTime();
                long[] waits = new long[episodes.length];
                for (SpaneProtocol.Episode episode : episodes) {
                    DvampPolicy policy = DvampPolicies.create(name, episode.index());
                    waits[episode.index()] = protocol.run(episode, policy, DvampObserver.NONE).totalWaitSeconds();
                }
                long nanos = System.nanoTime() - policyStarted;
                double trimmed = SpaneProtocol.trimmedMean(waits);
                Double published = pms == SpaneSuiteData.PM_COUNT ? PUBLISHED_TRIMMED_MEANS.get(name) : null;
                String verdict = published == null ? ""
                        : Math.abs(trimmed - published) < 1e-6 ? "  (= §12(c))"
                        : "  (differs from §12(c) " + published + ")";
                print("%-7s over %d episodes", nanos, placements, name, episodes.length);
                System.out.printf(Locale.ROOT, "        trimmed mean %.5f, mean %.3f%s%n", trimmed,
                        SpaneProtocol.mean(waits), verdict);
            }
        }
        long now = System.currentTimeMillis();
        System.out.printf(Locale.ROOT, "total %.3f s in main, %.3f s since JVM start%n",
                (System.nanoTime() - started) / 1e9, (now - jvmStartMillis) / 1e3);
    }

    /** One phase line: wall time, and time per placement when {@code placements} ≥ 0. */
    private static void print(String format, long nanos, long placements, Object... values) {
        String phase = String.format(Locale.ROOT, format, values);
        if (placements >= 0) {
            System.out.printf(Locale.ROOT, "%-44s %9.3f s  %9d placements  %7.1f ns/placement%n", phase, nanos / 1e9,
                    placements, (double) nanos / placements);
        } else {
            System.out.printf(Locale.ROOT, "%-44s %9.3f s%n", phase, nanos / 1e9);
        }
    }
}
