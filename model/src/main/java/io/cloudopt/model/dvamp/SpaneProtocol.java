package io.cloudopt.model.dvamp;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;

/**
 * The SPANE evaluation protocol (problems/dvamp.md §6, §11): for each start index S, a first-fit
 * probe in {@code exceed} mode (E = 1) on the whole trace from row S gives L; the episode places
 * P = L + extra VMs, rows S..S+P−1, from an empty cluster.
 *
 * @param trace       the whole trace
 * @param pmCount     m
 * @param cpuCoresPerNuma C^cpu
 * @param memoryGiBPerNuma C^mem
 * @param doubleThresholdGiB θ
 * @param extraPlacements the placements added after the probe (40 in SPANE)
 */
public record SpaneProtocol(DvampTrace trace, int pmCount, int cpuCoresPerNuma, int memoryGiBPerNuma,
                            int doubleThresholdGiB, int extraPlacements) {

    /** One episode of the protocol: rows [startIndex, startIndex + placements). */
    public record Episode(int index, int startIndex, int probePlacements, int placements) {
    }

    /** The first-fit probe length L from row {@code startIndex} (it also stops at the trace's last row). */
    public int probe(int startIndex) {
        DvampWorkload whole = DvampWorkload.slice(trace, startIndex, trace.rows() - startIndex, pmCount,
                cpuCoresPerNuma, memoryGiBPerNuma, doubleThresholdGiB);
        DvampRun run = new DvampSimulator(whole).run(new DvampFirstFitPolicy(), DvampSemantics.SPANE, true,
                DvampEpisode.exceed(1), DvampObserver.NONE);
        return run.placedCount();
    }

    /**
     * The episode of a start index; throws {@link IllegalArgumentException} with SPANE's check when
     * S + P > rows − 2.
     */
    public Episode episode(int index, int startIndex) {
        if (startIndex < 0 || startIndex >= trace.rows()) {
            throw new IllegalArgumentException("start-index " + startIndex + " outside 0.." + (trace.rows() - 1));
        }
        int probe = probe(startIndex);
        int placements = probe + extraPlacements;
        if ((long) startIndex + placements > trace.rows() - 2L) {
            throw new IllegalArgumentException("start-index " + startIndex + " + N_vm " + placements
                    + " exceeds the trace (" + trace.rows() + " rows)");
        }
        return new Episode(index, startIndex, probe, placements);
    }

    /** The workload of an episode, for {@link DvampSimulator}. */
    public DvampWorkload workload(Episode episode) {
        return DvampWorkload.slice(trace, episode.startIndex(), episode.placements(), pmCount, cpuCoresPerNuma,
                memoryGiBPerNuma, doubleThresholdGiB);
    }

    /** Runs {@code policy} on an episode; returns its run (total wait in {@link DvampRun#totalWaitSeconds()}). */
    public DvampRun run(Episode episode, DvampPolicy policy, DvampObserver observer) {
        DvampWorkload workload = workload(episode);
        policy.beginEpisode(workload, episode.index());
        return new DvampSimulator(workload).run(policy, DvampSemantics.SPANE, true,
                DvampEpisode.placements(episode.placements()), observer);
    }

    /**
     * The suite aggregate of §6: sort the per-episode values, drop ⌊0.1·n⌋ from each end, average
     * the rest. The values are whole seconds, so the sum is exact in a long and the result is the
     * correctly rounded quotient, digit for digit the published one (a floating-point running mean
     * drifts in the last digits).
     */
    public static double trimmedMean(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int drop = (int) Math.floor(0.1 * sorted.length);
        return exactMean(sorted, drop, sorted.length - drop);
    }

    /** The plain mean, exact as {@link #trimmedMean}. */
    public static double mean(long[] values) {
        return exactMean(values, 0, values.length);
    }

    private static double exactMean(long[] values, int from, int to) {
        if (to <= from) {
            return Double.NaN;
        }
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum = Math.addExact(sum, values[i]);
        }
        return new BigDecimal(sum).divide(BigDecimal.valueOf(to - from), MathContext.DECIMAL64).doubleValue();
    }
}
