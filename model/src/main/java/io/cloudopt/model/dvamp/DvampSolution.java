package io.cloudopt.model.dvamp;

import java.util.List;
import java.util.Objects;

/**
 * The decisions of one dvamp run (problems/dvamp.md §4): a placement per VM, in instance order.
 *
 * @param schedule   "online" for simulator runs (start times must equal the replay) or "offline"
 *                   for exact and metaheuristic models (checked against O1–O4 only)
 * @param policy     the policy of an online run, or null
 * @param placements all P VMs ({@code spane}), or the placed prefix ({@code vmagent})
 * @param failedVmId under {@code vmagent}: the first VM that fit nowhere, or null
 */
public record DvampSolution(Schedule schedule, String policy, List<DvampPlacement> placements, String failedVmId) {
    public DvampSolution {
        Objects.requireNonNull(schedule, "schedule");
        placements = List.copyOf(placements);
    }

    public enum Schedule {
        ONLINE, OFFLINE;

        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
