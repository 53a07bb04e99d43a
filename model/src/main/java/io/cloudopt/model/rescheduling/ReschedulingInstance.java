package io.cloudopt.model.rescheduling;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cloudopt.model.common.Source;
import java.util.List;
import java.util.Objects;

/**
 * A running cluster and a migration limit k (problems/rescheduling.md §2–3). Immutable; checked by
 * {@link ReschedulingValidation} when read.
 */
@JsonPropertyOrder({"name", "description", "source", "fragmentCpuCores", "maxMigrations", "numaFlipCountsAsMigration",
        "pms", "vms", "antiAffinityGroups"})
public record ReschedulingInstance(String name, String description, Source source, int fragmentCpuCores,
                                   int maxMigrations, boolean numaFlipCountsAsMigration, List<ReschedulingPm> pms,
                                   List<ReschedulingVm> vms, List<AntiAffinityGroup> antiAffinityGroups) {
    public ReschedulingInstance {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        source = source == null ? Source.NONE : source;
        pms = List.copyOf(pms);
        vms = List.copyOf(vms);
        antiAffinityGroups = antiAffinityGroups == null ? List.of() : List.copyOf(antiAffinityGroups);
    }

    public ReschedulingInstance withMaxMigrations(int k) {
        return new ReschedulingInstance(name, description, source, fragmentCpuCores, k, numaFlipCountsAsMigration, pms,
                vms, antiAffinityGroups);
    }
}
