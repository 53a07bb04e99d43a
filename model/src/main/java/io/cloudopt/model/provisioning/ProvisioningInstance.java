package io.cloudopt.model.provisioning;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cloudopt.model.common.Source;
import java.util.List;
import java.util.Objects;

/**
 * Stage provisioning of early-exit inference across FaaS and VMs under a latency SLO
 * (problems/provisioning.md §2–3). Immutable; checked by {@link ProvisioningValidation} when read.
 * Stages are in execution order; the lists keep their order.
 */
@JsonPropertyOrder({"name", "description", "source", "horizonSeconds", "periodSeconds", "stages", "faas", "vmTypes",
        "vmColdStartSeconds", "vmMinBillingSeconds", "transferMs", "slo", "arrivals", "simulation"})
public record ProvisioningInstance(String name, String description, Source source, int horizonSeconds,
                                   int periodSeconds, List<Stage> stages, Faas faas, List<VmType> vmTypes,
                                   double vmColdStartSeconds, double vmMinBillingSeconds, Transfers transferMs,
                                   Slo slo, Arrivals arrivals, Simulation simulation) {
    public static final double SECONDS_PER_DAY = 86_400;

    public ProvisioningInstance {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        source = source == null ? Source.NONE : source;
        stages = List.copyOf(stages);
        vmTypes = List.copyOf(vmTypes);
        Objects.requireNonNull(faas, "faas");
        Objects.requireNonNull(transferMs, "transferMs");
        Objects.requireNonNull(slo, "slo");
        Objects.requireNonNull(arrivals, "arrivals");
        Objects.requireNonNull(simulation, "simulation");
    }

    /** Number of planning periods T/H. */
    public int periodCount() {
        return horizonSeconds / periodSeconds;
    }

    /** The index of stage {@code id}, or -1. */
    public int stageIndex(String id) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** The index of VM type {@code id}, or -1. */
    public int vmTypeIndex(String id) {
        for (int k = 0; k < vmTypes.size(); k++) {
            if (vmTypes.get(k).id().equals(id)) {
                return k;
            }
        }
        return -1;
    }

    /** Reach r_i = 1 − Σ_{j<i} e_j: the share of requests that run stage i. */
    public double reach(int stage) {
        double exited = 0;
        for (int j = 0; j < stage; j++) {
            exited += stages.get(j).exitFraction();
        }
        return 1 - exited;
    }

    /** A contiguous model block ending in an exit. */
    @JsonPropertyOrder({"id", "exitFraction", "serviceMeanMs", "serviceDistribution", "minMemoryMiB"})
    public record Stage(String id, double exitFraction, double serviceMeanMs, ServiceDistribution serviceDistribution,
                        int minMemoryMiB) {
        public Stage {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(serviceDistribution, "serviceDistribution");
        }
    }

    /**
     * The law of the full-speed service time, with mean {@code serviceMeanMs}: {@code lognormal} with
     * {@code sigmaLn}, or {@code pareto} with {@code shape} &gt; 2.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"kind", "sigmaLn", "shape"})
    public record ServiceDistribution(String kind, Double sigmaLn, Double shape) {
        public static final String LOGNORMAL = "lognormal";
        public static final String PARETO = "pareto";

        public static ServiceDistribution lognormal(double sigmaLn) {
            return new ServiceDistribution(LOGNORMAL, sigmaLn, null);
        }

        public static ServiceDistribution pareto(double shape) {
            return new ServiceDistribution(PARETO, null, shape);
        }

        @JsonIgnore
        public boolean isLognormal() {
            return LOGNORMAL.equals(kind);
        }
    }

    /** Serverless prices and behaviour. */
    @JsonPropertyOrder({"memoryOptionsMiB", "fullSpeedMemoryMiB", "usdPerGbSecond", "usdPerMillionRequests",
            "billingGranularityMs", "coldStartMs", "keepAliveSeconds"})
    public record Faas(List<Integer> memoryOptionsMiB, int fullSpeedMemoryMiB, double usdPerGbSecond,
                       double usdPerMillionRequests, double billingGranularityMs, double coldStartMs,
                       double keepAliveSeconds) {
        public Faas {
            memoryOptionsMiB = List.copyOf(memoryOptionsMiB);
        }

        /** Slowdown f_m = max(1, F/m) of a function with {@code memoryMiB}. */
        public double slowdown(int memoryMiB) {
            return Math.max(1.0, (double) fullSpeedMemoryMiB / memoryMiB);
        }
    }

    /** A VM type: one worker per vCPU; service time X / speedFactor. */
    @JsonPropertyOrder({"id", "vcpus", "memoryGiB", "usdPerHour", "speedFactor"})
    public record VmType(String id, int vcpus, double memoryGiB, double usdPerHour, double speedFactor) {
        public VmType {
            Objects.requireNonNull(id, "id");
        }
    }

    /** Hop delays τ_ab in ms between the services of consecutive stages. */
    @JsonPropertyOrder({"vmVm", "vmFaas", "faasVm", "faasFaas"})
    public record Transfers(double vmVm, double vmFaas, double faasVm, double faasFaas) {
    }

    /** P(end-to-end latency &gt; latencyMs) ≤ violationProbability. */
    @JsonPropertyOrder({"latencyMs", "violationProbability"})
    public record Slo(double latencyMs, double violationProbability) {
    }

    /**
     * The arrival process: {@code diurnal-mmpp} (meanPerSecond, amplitude, peakSecond) or
     * {@code per-minute} (countsPerMinute); either with an optional burst chain.
     */
    @JsonPropertyOrder({"kind", "meanPerSecond", "amplitude", "peakSecond", "countsPerMinute", "burst"})
    public record Arrivals(String kind,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Double meanPerSecond,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Double amplitude,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Double peakSecond,
                           @JsonInclude(JsonInclude.Include.NON_NULL) List<Double> countsPerMinute,
                           Burst burst) {
        public static final String DIURNAL_MMPP = "diurnal-mmpp";
        public static final String PER_MINUTE = "per-minute";

        public Arrivals {
            Objects.requireNonNull(kind, "kind");
            countsPerMinute = countsPerMinute == null ? null : List.copyOf(countsPerMinute);
        }

        public static Arrivals diurnal(double meanPerSecond, double amplitude, double peakSecond, Burst burst) {
            return new Arrivals(DIURNAL_MMPP, meanPerSecond, amplitude, peakSecond, null, burst);
        }

        public static Arrivals perMinute(List<Double> countsPerMinute, Burst burst) {
            return new Arrivals(PER_MINUTE, null, null, null, countsPerMinute, burst);
        }

        @JsonIgnore
        public boolean isDiurnal() {
            return DIURNAL_MMPP.equals(kind);
        }

        /**
         * The expected rate λ_σ (req/s) of second σ, without bursts (S2): the diurnal sine, or the
         * minute's count / 60.
         */
        public double ratePerSecond(int second) {
            if (isDiurnal()) {
                double phase = 2 * Math.PI * (second + 0.5 - peakSecond + SECONDS_PER_DAY / 4) / SECONDS_PER_DAY;
                return meanPerSecond * (1 + amplitude * Math.sin(phase));
            }
            return countsPerMinute.get(second / 60) / 60.0;
        }
    }

    /** The two-state burst chain of S2: rate × factor while in burst. */
    @JsonPropertyOrder({"factor", "meanDurationSeconds", "meanGapSeconds"})
    public record Burst(double factor, double meanDurationSeconds, double meanGapSeconds) {
    }

    /** The simulator's seed and the VM queue guard (S5). */
    @JsonPropertyOrder({"seed", "vmQueueGuardPerWorker"})
    public record Simulation(long seed, double vmQueueGuardPerWorker) {
    }
}
