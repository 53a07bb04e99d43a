package io.cloudopt.solvers.dvamp.timefold;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import ai.timefold.solver.core.api.domain.variable.ShadowVariable;
import java.util.List;

/**
 * One VM of the queue (problems/dvamp.md §8): its fixed index and data, the planning variable
 * {@code slot} (a node 2i + k for a single VM, a PM i for a double VM, so shapes cannot be broken)
 * and the shadow {@code startSeconds} the decoder gives (null when it could not place the VM).
 */
@PlanningEntity
class VmPlacement {
    @PlanningId
    private Integer index;
    private boolean isDouble;
    private long arrivalSeconds;
    private long lifetimeSeconds;
    private List<Integer> slotRange;

    @PlanningVariable(valueRangeProviderRefs = "slotRange")
    private Integer slot;

    @ShadowVariable(variableListenerClass = StartSecondsListener.class, sourceVariableName = "slot")
    private Long startSeconds;

    VmPlacement() {
    }

    VmPlacement(int index, boolean isDouble, long arrivalSeconds, long lifetimeSeconds, List<Integer> slotRange,
                Integer slot) {
        this.index = index;
        this.isDouble = isDouble;
        this.arrivalSeconds = arrivalSeconds;
        this.lifetimeSeconds = lifetimeSeconds;
        this.slotRange = slotRange;
        this.slot = slot;
    }

    int index() {
        return index;
    }

    boolean isDouble() {
        return isDouble;
    }

    long arrivalSeconds() {
        return arrivalSeconds;
    }

    long lifetimeSeconds() {
        return lifetimeSeconds;
    }

    /** Node slots (2m) for a single VM, PM slots (m) for a double VM. */
    @ValueRangeProvider(id = "slotRange")
    List<Integer> getSlotRange() {
        return slotRange;
    }

    Integer getSlot() {
        return slot;
    }

    void setSlot(Integer slot) {
        this.slot = slot;
    }

    Long getStartSeconds() {
        return startSeconds;
    }

    void setStartSeconds(Long startSeconds) {
        this.startSeconds = startSeconds;
    }

    /** st_j − at_j; the VM must have been placed. */
    long waitSeconds() {
        return startSeconds - arrivalSeconds;
    }

    /** The first NUMA node the slot uses, or −1 without a slot. */
    int firstNode() {
        if (slot == null) {
            return -1;
        }
        return isDouble ? 2 * slot : slot;
    }

    /** Whether both VMs use a common NUMA node under their current slots. */
    boolean sharesNodeWith(VmPlacement other) {
        int first = firstNode();
        int otherFirst = other.firstNode();
        if (first < 0 || otherFirst < 0) {
            return false;
        }
        int last = isDouble ? first + 1 : first;
        int otherLast = other.isDouble ? otherFirst + 1 : otherFirst;
        return first <= otherLast && otherFirst <= last;
    }

    @Override
    public String toString() {
        return "vm" + index + "@" + slot;
    }
}
