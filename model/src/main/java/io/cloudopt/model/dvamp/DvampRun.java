package io.cloudopt.model.dvamp;

/**
 * What one simulator run did: the first {@code placedCount} VMs' actions and start times.
 *
 * @param placedCount      c, the number of VMs placed
 * @param actions          canonical action per placed VM
 * @param startSeconds     start time per placed VM
 * @param totalWaitSeconds WT = Σ (st − at)
 * @param rewardSum        Σ rewards
 * @param failedVm         under vmagent: index of the first VM that fit nowhere, or −1
 * @param exceededAt       under exceed mode: placements made when the first VM did not fit, or −1
 */
public record DvampRun(int placedCount, int[] actions, long[] startSeconds, long totalWaitSeconds, double rewardSum,
                       int failedVm, int exceededAt) {
}
