package io.cloudopt.model.dvamp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudopt.model.common.Json;

/**
 * The label line of one decision (DESIGN §6, problems/dvamp.md §10): the state the expert saw,
 * the canonical feasible actions, the action taken and its reward. Whole units in the state
 * (half-units / 2, so a node may hold x.5 cores after double VMs).
 */
public final class DvampLabels {
    private DvampLabels() {
    }

    /**
     * @param clairvoyant add {@code headLifetimeSeconds} and per-node {@code runningEndSeconds}
     *                    (SPANE's observation has no lifetimes)
     */
    public static ObjectNode state(DvampState state, int vm, boolean clairvoyant) {
        DvampWorkload workload = state.workload();
        ObjectNode node = Json.object();
        ArrayNode cpu = node.putArray("remainingCpuCores");
        ArrayNode mem = node.putArray("remainingMemoryGiB");
        for (int n = 0; n < state.nodeCount(); n++) {
            cpu.add(halves(state.remainingCpuHalf(n)));
            mem.add(halves(state.remainingMemoryHalf(n)));
        }
        ObjectNode head = node.putObject("head");
        head.put("cpuCores", workload.cpuCores(vm));
        head.put("memoryGiB", workload.memoryGiB(vm));
        head.put("isDouble", workload.isDouble(vm));
        head.put("waitSoFarSeconds", state.timeSeconds() - workload.arrivalSeconds(vm));
        node.put("queueLength", queueLength(workload, vm, state.timeSeconds()));
        ArrayNode availability = node.putArray("availability");
        for (int bit : state.availability(vm)) {
            availability.add(bit);
        }
        if (clairvoyant) {
            node.put("headLifetimeSeconds", workload.lifetimeSeconds(vm));
            ArrayNode ends = node.putArray("runningEndSeconds");
            for (long end : state.runningEndSecondsPerNode()) {
                ends.add(end);
            }
        }
        return node;
    }

    /** VMs that have arrived by t and are not placed yet, the head included. */
    static int queueLength(DvampWorkload workload, int head, long timeSeconds) {
        int low = head;
        int high = workload.length();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (workload.arrivalSeconds(mid) <= timeSeconds) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low - head;
    }

    private static com.fasterxml.jackson.databind.JsonNode halves(int halfUnits) {
        return (halfUnits & 1) == 0 ? Json.NODES.numberNode(halfUnits / 2) : Json.NODES.numberNode(halfUnits / 2.0);
    }
}
