package io.cloudopt.model.provisioning;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
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
 *
 * <p>Two optional extensions carry the runs of online policies (§9) so that they replay as plans: a
 * {@link Period} with {@code fromSeconds} changes the routing inside its period, and
 * {@code vmQueueGuard = "off"} drops the VM queue guard of S5 (iaas-only runs with guard +∞).
 */
public record ProvisioningSolution(String policy, List<Pool> pools, List<Period> periods, List<Action> actions,
                                   long seed, ProvisioningOutcome recorded, String vmQueueGuard) {
    /** {@code vmQueueGuard}: the instance's {@code simulation.vmQueueGuardPerWorker} applies (the default). */
    public static final String GUARD_INSTANCE = "instance";
    /** {@code vmQueueGuard}: no guard (+∞), as iaas-only runs. */
    public static final String GUARD_OFF = "off";

    public ProvisioningSolution {
        Objects.requireNonNull(policy, "policy");
        pools = List.copyOf(pools);
        periods = List.copyOf(periods);
        actions = List.copyOf(actions);
        vmQueueGuard = vmQueueGuard == null ? GUARD_INSTANCE : vmQueueGuard;
    }

    /** A plan under the instance's queue guard. */
    public ProvisioningSolution(String policy, List<Pool> pools, List<Period> periods, List<Action> actions,
                                long seed, ProvisioningOutcome recorded) {
        this(policy, pools, periods, actions, seed, recorded, GUARD_INSTANCE);
    }

    /** The same decisions with the simulation block of {@code outcome}. */
    public ProvisioningSolution withRecorded(ProvisioningOutcome outcome) {
        return new ProvisioningSolution(policy, pools, periods, actions, outcome.seed(), outcome, vmQueueGuard);
    }

    /** True when the VM queue guard is off (+∞). */
    @JsonIgnore
    public boolean unguarded() {
        return GUARD_OFF.equals(vmQueueGuard);
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
     * The plan of one period: ready VMs wanted per pool and the routing of every stage. An entry holds
     * until the next listed one. With {@code fromSeconds} (optional, null = the period start) the entry
     * starts inside its period, at a time pH &lt; fromSeconds &lt; (p+1)H: an online policy changed the
     * routing there. Its {@code vmCount} is then the ready VMs at that time. Such a change does not
     * reset the routing credit (S5 resets it at period starts only).
     */
    @JsonPropertyOrder({"period", "fromSeconds", "vmCount", "routing"})
    public record Period(int period, @JsonInclude(JsonInclude.Include.NON_NULL) Double fromSeconds,
                         Map<String, Integer> vmCount, List<Routing> routing) {
        public Period {
            vmCount = Collections.unmodifiableMap(new LinkedHashMap<>(vmCount));
            routing = List.copyOf(routing);
        }

        /** An entry that starts at its period's start. */
        public Period(int period, Map<String, Integer> vmCount, List<Routing> routing) {
            this(period, null, vmCount, routing);
        }

        /** The time the entry starts: {@code fromSeconds}, or pH. */
        public double startSeconds(double periodSeconds) {
            return fromSeconds != null ? fromSeconds : period * periodSeconds;
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
