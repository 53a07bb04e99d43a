package io.cloudopt.model.rescheduling;

import io.cloudopt.model.common.InputError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The semantic rules V1–V10 of problems/rescheduling.md §3, all reported at once with their JSON
 * paths. Types, required and unknown fields and integer domains are the JSON Schema's.
 */
public final class ReschedulingValidation {
    private ReschedulingValidation() {
    }

    public static List<InputError> check(ReschedulingInstance instance) {
        List<InputError> errors = new ArrayList<>();
        Map<String, Integer> pmIndex = new HashMap<>();
        boolean anyActive = false;
        boolean pmsComplete = true;
        for (int p = 0; p < instance.pms().size(); p++) {
            ReschedulingPm pm = instance.pms().get(p);
            String at = "$.pms[" + p + "]";
            // V1: ids unique.
            if (pmIndex.putIfAbsent(pm.id(), p) != null) {
                errors.add(new InputError(at + ".id", "duplicate id '" + pm.id() + "'"));
            }
            // V2: exactly two NUMA nodes.
            if (pm.numas().size() != 2) {
                errors.add(new InputError(at + ".numas", "PM must have exactly 2 NUMA nodes"));
                pmsComplete = false;
            }
            anyActive |= pm.status() == PmStatus.ACTIVE;
        }
        // V8: at least one ACTIVE PM.
        if (!anyActive) {
            errors.add(new InputError("$.pms", "instance has no ACTIVE PM"));
        }
        Map<String, Integer> vmIndex = new HashMap<>();
        boolean vmsComplete = true;
        for (int v = 0; v < instance.vms().size(); v++) {
            ReschedulingVm vm = instance.vms().get(v);
            String at = "$.vms[" + v + "]";
            if (vmIndex.putIfAbsent(vm.id(), v) != null) {
                errors.add(new InputError(at + ".id", "duplicate id '" + vm.id() + "'"));
            }
            // V4: host resolves.
            if (!pmIndex.containsKey(vm.host())) {
                errors.add(new InputError(at + ".host", "unknown host '" + vm.host() + "'"));
                vmsComplete = false;
            }
            // V5: NUMA shares.
            List<ReschedulingVm.Share> shares = vm.numas();
            for (int s = 0; s < shares.size(); s++) {
                int numa = shares.get(s).numa();
                if (numa != 0 && numa != 1) {
                    errors.add(new InputError(at + ".numas[" + s + "].numa", "numa must be 0 or 1"));
                    vmsComplete = false;
                }
            }
            if (shares.size() == 2) {
                ReschedulingVm.Share first = shares.get(0);
                ReschedulingVm.Share second = shares.get(1);
                if (first.numa() != 0 || second.numa() != 1 || first.cpuCores() != second.cpuCores()
                        || first.memoryMiB() != second.memoryMiB()) {
                    errors.add(new InputError(at + ".numas", "double-NUMA VM must list NUMA 0 then 1 with equal shares"));
                    vmsComplete = false;
                }
            } else if (shares.size() != 1) {
                errors.add(new InputError(at + ".numas", "a VM has 1 NUMA share or 2 equal shares"));
                vmsComplete = false;
            }
        }
        Set<String> groupIds = new HashSet<>();
        boolean groupsComplete = true;
        for (int g = 0; g < instance.antiAffinityGroups().size(); g++) {
            AntiAffinityGroup group = instance.antiAffinityGroups().get(g);
            String at = "$.antiAffinityGroups[" + g + "]";
            if (!groupIds.add(group.id())) {
                errors.add(new InputError(at + ".id", "duplicate id '" + group.id() + "'"));
            }
            // V9: members resolve, are distinct, at least two.
            Set<String> members = new HashSet<>();
            for (int m = 0; m < group.vms().size(); m++) {
                String member = group.vms().get(m);
                if (!vmIndex.containsKey(member)) {
                    errors.add(new InputError(at + ".vms[" + m + "]", "unknown vm '" + member + "'"));
                    groupsComplete = false;
                } else if (!members.add(member)) {
                    errors.add(new InputError(at + ".vms[" + m + "]", "anti-affinity group '" + group.id()
                            + "' lists vm '" + member + "' twice"));
                    groupsComplete = false;
                }
            }
            if (group.vms().size() < 2) {
                errors.add(new InputError(at + ".vms", "anti-affinity group '" + group.id()
                        + "' needs at least 2 members"));
            }
        }
        if (pmsComplete && vmsComplete) {
            checkLoads(instance, pmIndex, errors);
            if (groupsComplete) {
                checkGroups(instance, pmIndex, vmIndex, errors);
            }
        }
        return errors;
    }

    /** V6: the initial load fits every NUMA. */
    private static void checkLoads(ReschedulingInstance instance, Map<String, Integer> pmIndex,
                                   List<InputError> errors) {
        int pms = instance.pms().size();
        long[] cpu = new long[2 * pms];
        long[] mem = new long[2 * pms];
        for (ReschedulingVm vm : instance.vms()) {
            int p = pmIndex.get(vm.host());
            for (ReschedulingVm.Share share : vm.numas()) {
                cpu[2 * p + share.numa()] += share.cpuCores();
                mem[2 * p + share.numa()] += share.memoryMiB();
            }
        }
        for (int p = 0; p < pms; p++) {
            ReschedulingPm pm = instance.pms().get(p);
            for (int n = 0; n < 2; n++) {
                ReschedulingPm.NumaCapacity capacity = pm.numas().get(n);
                if (cpu[2 * p + n] > capacity.cpuCores()) {
                    errors.add(new InputError("$.pms[" + p + "]", "initial placement overloads pm '" + pm.id()
                            + "' numa " + n + ": cpu " + cpu[2 * p + n] + " > " + capacity.cpuCores()));
                }
                if (mem[2 * p + n] > capacity.memoryMiB()) {
                    errors.add(new InputError("$.pms[" + p + "]", "initial placement overloads pm '" + pm.id()
                            + "' numa " + n + ": memory " + mem[2 * p + n] + " MiB > " + capacity.memoryMiB()));
                }
            }
        }
    }

    /** V10: the initial placement satisfies every group. */
    private static void checkGroups(ReschedulingInstance instance, Map<String, Integer> pmIndex,
                                    Map<String, Integer> vmIndex, List<InputError> errors) {
        for (int g = 0; g < instance.antiAffinityGroups().size(); g++) {
            AntiAffinityGroup group = instance.antiAffinityGroups().get(g);
            Set<String> seen = new HashSet<>();
            for (String member : group.vms()) {
                ReschedulingVm vm = instance.vms().get(vmIndex.get(member));
                ReschedulingPm pm = instance.pms().get(pmIndex.get(vm.host()));
                String key = group.scope() == AntiAffinityGroup.Scope.RACK ? pm.rackId() : pm.id();
                if (!seen.add(key)) {
                    errors.add(new InputError("$.antiAffinityGroups[" + g + "]", "initial placement violates "
                            + "anti-affinity group '" + group.id() + "' on "
                            + (group.scope() == AntiAffinityGroup.Scope.RACK ? "rack '" + key + "'" : "pm '" + key + "'")));
                    break;
                }
            }
        }
    }
}
