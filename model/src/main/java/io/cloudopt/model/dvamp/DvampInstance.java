package io.cloudopt.model.dvamp;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cloudopt.model.common.Source;
import java.util.List;
import java.util.Objects;

/**
 * Dynamic VM allocation onto multi-NUMA PMs (problems/dvamp.md §2–3). Immutable; checked by
 * {@link DvampValidation} when read, so code that receives one may assume it valid.
 */
@JsonPropertyOrder({"name", "description", "source", "semantics", "pmCount", "cpuCoresPerNuma", "memoryGiBPerNuma",
        "doubleNumaThresholdGiB", "departures", "episode", "protocol", "clockSeconds", "initialVms", "vms"})
public record DvampInstance(String name, String description, Source source, DvampSemantics semantics, int pmCount,
                            int cpuCoresPerNuma, int memoryGiBPerNuma, int doubleNumaThresholdGiB, boolean departures,
                            DvampEpisode episode,
                            @JsonInclude(JsonInclude.Include.ALWAYS) DvampProtocol protocol,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Long clockSeconds,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<DvampInitialVm> initialVms,
                            List<DvampVm> vms) {
    public static final int DEFAULT_CPU_CORES_PER_NUMA = 40;
    public static final int DEFAULT_MEMORY_GIB_PER_NUMA = 90;
    public static final int DEFAULT_DOUBLE_NUMA_THRESHOLD_GIB = 10;

    public DvampInstance {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        source = source == null ? Source.NONE : source;
        semantics = semantics == null ? DvampSemantics.SPANE : semantics;
        Objects.requireNonNull(episode, "episode");
        initialVms = initialVms == null ? List.of() : List.copyOf(initialVms);
        vms = List.copyOf(vms);
    }

    /** δ_j: a VM is double (takes half its demand on both nodes of one PM) iff memoryGiB > θ, strictly. */
    public boolean isDouble(int memoryGiB) {
        return memoryGiB > doubleNumaThresholdGiB;
    }

    /** The number of VMs the episode places at most: P for {@code placements}, else n. */
    public int placementCap() {
        return episode.mode() == DvampEpisode.Mode.PLACEMENTS ? episode.placements() : vms.size();
    }

    /** The simulator clock at the window start, 0 when the cluster starts empty. */
    public long clockOrZero() {
        return clockSeconds == null ? 0L : clockSeconds;
    }

}
