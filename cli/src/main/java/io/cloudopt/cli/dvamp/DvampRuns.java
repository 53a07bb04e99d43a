package io.cloudopt.cli.dvamp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudopt.instances.dvamp.HuaweiTraceReader;
import io.cloudopt.model.common.Hashes;
import io.cloudopt.model.common.InputException;
import io.cloudopt.model.common.Json;
import io.cloudopt.model.dvamp.DvampObserver;
import io.cloudopt.model.dvamp.DvampPolicy;
import io.cloudopt.model.dvamp.DvampRun;
import io.cloudopt.model.dvamp.DvampTrace;
import io.cloudopt.model.dvamp.SpaneProtocol;
import io.cloudopt.solvers.dvamp.DvampOnlinePolicies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The SPANE protocol over a trace and a start-index file, as {@code cloudopt simulate dvamp} and
 * {@code cloudopt labels dvamp} run it: each episode's first-fit probe is computed once and shared
 * by every policy.
 */
public final class DvampRuns {
    private DvampRuns() {
    }

    /** The trace, its hash, and the protocol's episodes. */
    public record Suite(Path traceFile, String traceSha256, SpaneProtocol protocol, List<SpaneProtocol.Episode> episodes) {
        public String episodeName(SpaneProtocol.Episode episode) {
            return "huawei-east-1-n" + protocol.pmCount() + "-start" + episode.startIndex();
        }
    }

    /** Reads the trace and the start indices and cuts the first {@code limit} episodes (all when null). */
    public static Suite suite(Path trace, Path starts, int pms, int cpu, int mem, int threshold, int extra,
                              Integer limit, IntConsumer progress) {
        DvampTrace read = HuaweiTraceReader.read(trace);
        int[] indices = HuaweiTraceReader.readStartIndices(starts);
        if (limit != null) {
            if (limit < 1) {
                throw InputException.usage("--episodes must be at least 1 (got " + limit + ")");
            }
            indices = Arrays.copyOf(indices, Math.min(limit, indices.length));
        }
        SpaneProtocol protocol = new SpaneProtocol(read, pms, cpu, mem, threshold, extra);
        List<SpaneProtocol.Episode> episodes = new ArrayList<>(indices.length);
        for (int e = 0; e < indices.length; e++) {
            try {
                episodes.add(protocol.episode(e, indices[e]));
            } catch (IllegalArgumentException ex) {
                throw new InputException("Start-index", starts.toString(),
                        io.cloudopt.model.common.InputError.line(e + 2, ex.getMessage()));
            }
            progress.accept(e + 1);
        }
        String sha;
        try {
            sha = Hashes.sha256(Files.readAllBytes(trace));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new Suite(trace, sha, protocol, episodes);
    }

    /** Runs one policy over the suite; returns the JSON summary of §6 with per-episode rows. */
    public static ObjectNode simulate(Suite suite, String policyName, long seed, IntConsumer progress) {
        DvampPolicy policy = DvampOnlinePolicies.create(policyName, DvampOnlinePolicies.Settings.seed(seed));
        long started = System.nanoTime();
        long[] waits = new long[suite.episodes().size()];
        long placements = 0;
        double rewards = 0;
        ArrayNode perEpisode = Json.NODES.arrayNode();
        for (int e = 0; e < waits.length; e++) {
            SpaneProtocol.Episode episode = suite.episodes().get(e);
            DvampRun run = suite.protocol().run(episode, policy, DvampObserver.NONE);
            waits[e] = run.totalWaitSeconds();
            placements += run.placedCount();
            rewards += run.rewardSum();
            perEpisode.addObject().put("episode", e).put("startIndex", episode.startIndex())
                    .put("probePlacements", episode.probePlacements()).put("placements", run.placedCount())
                    .put("totalWaitSeconds", run.totalWaitSeconds());
            progress.accept(e + 1);
        }
        ObjectNode node = Json.object();
        node.put("policy", policyName);
        node.put("episodes", waits.length);
        node.put("placements", placements);
        node.put("trimmedMean", SpaneProtocol.trimmedMean(waits));
        node.put("mean", SpaneProtocol.mean(waits));
        node.put("rewardSum", rewards);
        node.put("wallSeconds", (System.nanoTime() - started) / 1e9);
        node.set("perEpisode", perEpisode);
        return node;
    }
}
