package io.cloudopt.model.dvamp;

import io.cloudopt.model.common.InputError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The semantic rules I1–I9 of problems/dvamp.md §3, all reported at once, each with its JSON path.
 * Structural rules (types, required and unknown fields, integer domains) are the JSON Schema's.
 */
public final class DvampValidation {
    private DvampValidation() {
    }

    public static List<InputError> check(DvampInstance instance) {
        List<InputError> errors = new ArrayList<>();
        List<DvampVm> vms = instance.vms();
        int cpu = instance.cpuCoresPerNuma();
        int mem = instance.memoryGiBPerNuma();
        boolean spane = instance.semantics() == DvampSemantics.SPANE;

        // I7: n >= 1.
        if (vms.isEmpty()) {
            errors.add(new InputError("$.vms", "empty instance"));
        }
        Set<String> ids = new HashSet<>();
        long previousArrival = Long.MIN_VALUE;
        for (int j = 0; j < vms.size(); j++) {
            DvampVm vm = vms.get(j);
            String at = "$.vms[" + j + "]";
            // I1: ids unique and non-empty.
            if (vm.id().isEmpty()) {
                errors.add(new InputError(at + ".id", "must not be empty"));
            } else if (!ids.add(vm.id())) {
                errors.add(new InputError(at + ".id", "duplicate id \"" + vm.id() + "\""));
            }
            // I2: arrivals non-decreasing.
            if (vm.arrivalSeconds() < previousArrival) {
                errors.add(new InputError(at + ".arrivalSeconds", vm.arrivalSeconds() + " < previous "
                        + previousArrival + " (list must be in arrival order)"));
            }
            previousArrival = Math.max(previousArrival, vm.arrivalSeconds());
            // I4: every VM fits an empty PM.
            boolean isDouble = instance.isDouble(vm.memoryGiB());
            long cpuLimit = isDouble ? 2L * cpu : cpu;
            long memLimit = isDouble ? 2L * mem : mem;
            if (vm.cpuCores() > cpuLimit || vm.memoryGiB() > memLimit) {
                errors.add(new InputError(at, vm.cpuCores() + " cores, " + vm.memoryGiB() + " GiB fits no empty PM ("
                        + (isDouble ? "double" : "single") + " VM, needs <= " + cpuLimit + " cores, " + memLimit
                        + " GiB)"));
            }
        }
        checkEpisode(instance, errors, spane);
        checkProtocol(instance, errors);
        checkInitialVms(instance, errors, ids, spane);
        return errors;
    }

    private static void checkEpisode(DvampInstance instance, List<InputError> errors, boolean spane) {
        DvampEpisode episode = instance.episode();
        int n = instance.vms().size();
        switch (episode.mode()) {
            case PLACEMENTS -> {
                // I5: placements in 1..n.
                if (episode.placements() == null) {
                    errors.add(new InputError("$.episode.placements", "required when mode is \"placements\""));
                } else if (n > 0 && episode.placements() > n) {
                    errors.add(new InputError("$.episode.placements", episode.placements() + " > number of VMs " + n));
                }
            }
            case EXCEED -> {
                if (episode.extraPlacements() == null) {
                    errors.add(new InputError("$.episode.extraPlacements", "required when mode is \"exceed\""));
                }
                // I6: exceed only under spane.
                if (!spane) {
                    errors.add(new InputError("$.episode.mode", "\"exceed\" is not allowed with semantics \"vmagent\""));
                }
            }
            case ALL -> {
            }
        }
        if (episode.mode() != DvampEpisode.Mode.PLACEMENTS && episode.placements() != null) {
            errors.add(new InputError("$.episode.placements", "only allowed when mode is \"placements\""));
        }
        if (episode.mode() != DvampEpisode.Mode.EXCEED && episode.extraPlacements() != null) {
            errors.add(new InputError("$.episode.extraPlacements", "only allowed when mode is \"exceed\""));
        }
        // I6: departures:false only under vmagent.
        if (spane && !instance.departures()) {
            errors.add(new InputError("$.departures", "false is only allowed with semantics \"vmagent\""));
        }
    }

    private static void checkProtocol(DvampInstance instance, List<InputError> errors) {
        DvampProtocol protocol = instance.protocol();
        if (protocol == null || !"spane".equals(protocol.name())) {
            return;
        }
        // I8: placements = firstFitProbePlacements + addedPlacements.
        Integer probe = protocol.firstFitProbePlacements();
        Integer added = protocol.addedPlacements();
        if (probe == null || added == null) {
            errors.add(new InputError("$.protocol", "a \"spane\" protocol needs firstFitProbePlacements and "
                    + "addedPlacements"));
            return;
        }
        Integer placements = instance.episode().placements();
        if (instance.episode().mode() != DvampEpisode.Mode.PLACEMENTS || placements == null
                || (long) probe + added != placements) {
            errors.add(new InputError("$.protocol", probe + " + " + added + " != episode.placements "
                    + (placements == null ? "(none)" : placements)));
        }
    }

    private static void checkInitialVms(DvampInstance instance, List<InputError> errors, Set<String> vmIds,
                                        boolean spane) {
        List<DvampInitialVm> initial = instance.initialVms();
        if (initial.isEmpty()) {
            return;
        }
        if (!spane) {
            errors.add(new InputError("$.initialVms", "only allowed with semantics \"spane\""));
        }
        if (instance.clockSeconds() == null) {
            errors.add(new InputError("$.clockSeconds", "required when initialVms is not empty"));
        }
        long clock = instance.clockOrZero();
        int nodes = 2 * instance.pmCount();
        long[] cpuLoad = new long[nodes];
        long[] memLoad = new long[nodes];
        long cpuCap = 2L * instance.cpuCoresPerNuma();
        long memCap = 2L * instance.memoryGiBPerNuma();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < initial.size(); i++) {
            DvampInitialVm vm = initial.get(i);
            String at = "$.initialVms[" + i + "]";
            // I9: ids distinct from vms and from each other.
            if (vm.id().isEmpty()) {
                errors.add(new InputError(at + ".id", "must not be empty"));
            } else if (vmIds.contains(vm.id()) || !ids.add(vm.id())) {
                errors.add(new InputError(at + ".id", "duplicate id \"" + vm.id() + "\""));
            }
            if (instance.clockSeconds() != null && vm.endSeconds() <= clock) {
                errors.add(new InputError(at + ".endSeconds", vm.endSeconds() + " <= clockSeconds " + clock
                        + " (a VM in initialVms is still running at the window start)"));
            }
            if (vm.pm() >= instance.pmCount()) {
                errors.add(new InputError(at + ".pm", vm.pm() + " outside 0.." + (instance.pmCount() - 1)));
                continue;
            }
            boolean isDouble = instance.isDouble(vm.memoryGiB());
            if (isDouble && vm.numa() != null) {
                errors.add(new InputError(at + ".numa", "must be null for a double VM"));
                continue;
            }
            if (!isDouble && vm.numa() == null) {
                errors.add(new InputError(at + ".numa", "must be 0 or 1 for a single VM"));
                continue;
            }
            int cpuHalf = isDouble ? vm.cpuCores() : 2 * vm.cpuCores();
            int memHalf = isDouble ? vm.memoryGiB() : 2 * vm.memoryGiB();
            int first = isDouble ? 2 * vm.pm() : 2 * vm.pm() + vm.numa();
            int last = isDouble ? first + 1 : first;
            for (int node = first; node <= last; node++) {
                cpuLoad[node] += cpuHalf;
                memLoad[node] += memHalf;
                if (cpuLoad[node] > cpuCap) {
                    errors.add(new InputError(at, "pm" + (node / 2) + "/numa" + (node % 2) + " cpu " + cpuLoad[node]
                            + " > " + cpuCap + " half-units"));
                }
                if (memLoad[node] > memCap) {
                    errors.add(new InputError(at, "pm" + (node / 2) + "/numa" + (node % 2) + " memory "
                            + memLoad[node] + " > " + memCap + " half-units"));
                }
            }
        }
    }
}
