package io.cloudopt.model.provisioning;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A provisioning plan (problems/provisioning.md §4): VM pools, per-period routing and VM counts, and the
 * timed launches and terminations they compile to. {@code seed} is the simulator seed the objective is
 * evaluated under; {@code recorded} is the simulation block read from a file (null when absent or not
 * yet simulated), which the verifier compares with a re-run.
 */
public record ProvisioningSolution(String policy, List<Pool> pools, List<Period> periods, List<Action> actions,
                                   long seed, ProvisioningOutcome recorded) {
    public ProvisioningSolution {
        Objects.requireNonNull(policy, "policy");
        pools = List.copyOf(pools);
        periods = List.copyOf(periods);
        actions = List.copyOf(actions);
    }

    /** The same decisions with the simulation block of {@code outcome}. */
    public ProvisioningSolution withRecorded(ProvisioningOutcome outcome) {
        return new ProvisioningSolution(policy, pools, periods, actions, outcome.seed(), outcome);
    }

    /** VMs of one type hosting a contiguous range of stages. */
    @JsonPropertyOrder({"id", "vmType", "stages"})
    public record Pool(String id, String vmType, List<String> stages) {
        public Pool {
            Objects.requireNonNull(id, "id");
            stages = List.copyOf(stages);
        }
    }

    /**
     * The plan of one period: ready VMs wanted per pool and the routing of every stage. A period
     * holds until the next listed one.
     */
    @JsonPropertyOrder({"period", "vmCount", "routing"})
    public record Period(int period, Map<String, Integer> vmCount, List<Routing> routing) {
        public Period {
            vmCount = Collections.unmodifiableMap(new LinkedHashMap<>(vmCount));
            routing = List.copyOf(routing);
        }
    }

    /**
     * Where stage traffic goes (S5): FaaS memory, the pool and the share α sent to it, an optional
     * per-second cap, and the MILP's latency budget (null for policies).
     */
    @JsonPropertyOrder({"stage", "faasMemoryMiB", "pool", "vmFraction", "vmMaxPerSecond", "budgetMs"})
    public record Routing(String stage, int faasMemoryMiB, String pool, double vmFraction, Integer vmMaxPerSecond,
                          Double budgetMs) {
        public Routing {
            Objects.requireNonNull(stage, "stage");
        }

        public static Routing faas(String stage, int memoryMiB) {
            return new Routing(stage, memoryMiB, null, 0.0, null, null);
        }
    }

    /** A timed {@code launch} or {@code terminate} of {@code count} VMs of a pool. */
    @JsonPropertyOrder({"timeSeconds", "type", "pool", "count"})
    public record Action(double timeSeconds, String type, String pool, int count) {
        public static final String LAUNCH = "launch";
        public static final String TERMINATE = "terminate";

        public Action {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(pool, "pool");
        }

        @JsonIgnore
        public boolean isLaunch() {
            return LAUNCH.equals(type);
        }
    }
}
