package io.cloudopt.cli.dvamp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudopt.model.common.Json;
import io.cloudopt.model.dvamp.DvampEpisode;
import io.cloudopt.model.dvamp.DvampLabels;
import io.cloudopt.model.dvamp.DvampObserver;
import io.cloudopt.model.dvamp.DvampPolicy;
import io.cloudopt.model.dvamp.DvampRun;
import io.cloudopt.model.dvamp.DvampSemantics;
import io.cloudopt.model.dvamp.DvampSimulator;
import io.cloudopt.model.dvamp.DvampState;
import io.cloudopt.model.dvamp.DvampWorkload;
import java.util.function.Function;

/**
 * Writes one JSON line per decision of a dvamp episode (DESIGN §6, problems/dvamp.md §10). The
 * last line of an episode is marked {@code terminated}, so lines are buffered by one.
 */
public final class DvampLabelWriter {
    private final StringBuilder out;
    private final boolean clairvoyant;
    private long lines;

    public DvampLabelWriter(StringBuilder out, boolean clairvoyant) {
        this.out = out;
        this.clairvoyant = clairvoyant;
    }

    public long lines() {
        return lines;
    }

    /**
     * Runs one episode with the expert and appends its lines.
     *
     * @param expertInfo the {@code expert} object of the line after each decision (e.g. a look-ahead's
     *                   step status), given the policy
     */
    public DvampRun episode(String instance, String sha256, int episode, DvampWorkload workload,
                            DvampSemantics semantics, boolean departures, DvampEpisode mode, DvampPolicy expert,
                            Function<DvampPolicy, ObjectNode> expertInfo) {
        ObjectNode[] pending = new ObjectNode[1];
        DvampObserver observer = (DvampState state, int vm, int action, long wait, double reward) -> {
            flush(pending[0], false);
            ObjectNode line = Json.object();
            line.put("instance", instance);
            line.put("instanceSha256", sha256);
            line.put("episode", episode);
            line.put("step", vm);
            line.put("timeSeconds", state.timeSeconds());
            line.set("state", DvampLabels.state(state, vm, clairvoyant));
            ArrayNode actionSet = line.putArray("actionSet");
            for (int allowed : state.feasibleActions(vm)) {
                actionSet.add(allowed);
            }
            line.put("action", action);
            line.set("expert", expertInfo.apply(expert));
            line.put("reward", reward);
            pending[0] = line;
        };
        expert.beginEpisode(workload, episode);
        DvampRun run = new DvampSimulator(workload).run(expert, semantics, departures, mode, observer);
        flush(pending[0], true);
        return run;
    }

    private void flush(ObjectNode line, boolean last) {
        if (line == null) {
            return;
        }
        line.put("terminated", last);
        line.put("truncated", false);
        out.append(Json.compact(line)).append('\n');
        lines++;
    }
}
