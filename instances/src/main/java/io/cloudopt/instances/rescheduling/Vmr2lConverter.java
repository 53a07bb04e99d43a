package io.cloudopt.instances.rescheduling;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudopt.model.common.InputError;
import io.cloudopt.model.common.InputException;
import io.cloudopt.model.common.Instances;
import io.cloudopt.model.common.Json;
import io.cloudopt.model.common.Source;
import io.cloudopt.model.rescheduling.AntiAffinityGroup;
import io.cloudopt.model.rescheduling.PmStatus;
import io.cloudopt.model.rescheduling.ReschedulingInstance;
import io.cloudopt.model.rescheduling.ReschedulingPm;
import io.cloudopt.model.rescheduling.ReschedulingProblem;
import io.cloudopt.model.rescheduling.ReschedulingVm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Converts a VMR2L cluster snapshot ({@code cluster_list[]} with {@code host_info}, {@code vm_instance}
 * and {@code other_requirement.deployment_set}) into a rescheduling instance
 * (problems/rescheduling.md §11). Clusters are merged in file order; free capacities of the
 * snapshot are recomputed, and a mismatch is reported as a warning.
 */
public final class Vmr2lConverter {
    static final String KIND = "VMR2L snapshot";
    public static final String DATASET = "VMR2L (RLVMR/VMR2L-NSDI24 @ d571032)";

    private Vmr2lConverter() {
    }

    /**
     * @param maxMigrations k, the migration limit written into the instance
     * @param fragmentCpuCores G
     * @param pmLimit  keep only the first N PMs and their VMs (null: all)
     * @param strict   reject {@code allow_migration: 0}, as the original environment does
     * @param groups   keep deployment sets as anti-affinity groups
     */
    public record Options(int maxMigrations, int fragmentCpuCores, Integer pmLimit, boolean strict, boolean groups) {
        public static final Options DEFAULT = new Options(50, 16, null, false, true);

        public Options {
            if (maxMigrations < 0) {
                throw InputException.usage("--max-migrations must be a non-negative integer (got " + maxMigrations + ")");
            }
            if (fragmentCpuCores < 1) {
                throw InputException.usage("--fragment-cores must be a positive integer (got " + fragmentCpuCores + ")");
            }
            if (pmLimit != null && pmLimit < 1) {
                throw InputException.usage("--pms must be a positive integer (got " + pmLimit + ")");
            }
        }
    }

    /** The instance and what the converter noticed without rejecting the file. */
    public record Conversion(ReschedulingInstance instance, List<String> warnings) {
    }

    public static Conversion convert(Path raw, Options options) {
        JsonNode root = Json.readFile(raw, KIND);
        List<InputError> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        JsonNode clusters = root.get("cluster_list");
        if (clusters == null || !clusters.isArray() || clusters.isEmpty()) {
            throw new InputException(KIND, raw.toString(), new InputError("$.cluster_list",
                    "missing or empty: a VMR2L snapshot lists its clusters in cluster_list"));
        }
        List<ReschedulingPm> pms = new ArrayList<>();
        Set<String> pmIds = new HashSet<>();
        Map<String, double[]> reportedFree = new HashMap<>();
        for (int c = 0; c < clusters.size(); c++) {
            JsonNode hosts = clusters.get(c).get("host_info");
            String at = "$.cluster_list[" + c + "].host_info";
            if (hosts == null || !hosts.isArray()) {
                errors.add(new InputError(at, "missing host_info array"));
                continue;
            }
            for (int h = 0; h < hosts.size(); h++) {
                if (options.pmLimit() != null && pms.size() >= options.pmLimit()) {
                    break;
                }
                ReschedulingPm pm = host(hosts.get(h), at + "[" + h + "]", errors, reportedFree);
                if (pm != null) {
                    if (!pmIds.add(pm.id())) {
                        errors.add(new InputError(at + "[" + h + "].node_id", "duplicate id '" + pm.id() + "'"));
                    }
                    pms.add(pm);
                }
            }
        }
        List<ReschedulingVm> vms = new ArrayList<>();
        Set<String> vmIds = new HashSet<>();
        for (int c = 0; c < clusters.size(); c++) {
            JsonNode instances = clusters.get(c).get("vm_instance");
            String at = "$.cluster_list[" + c + "].vm_instance";
            if (instances == null || !instances.isArray()) {
                errors.add(new InputError(at, "missing vm_instance array"));
                continue;
            }
            for (int v = 0; v < instances.size(); v++) {
                ReschedulingVm vm = vm(instances.get(v), at + "[" + v + "]", errors, options.strict());
                if (vm == null) {
                    continue;
                }
                if (!pmIds.contains(vm.host())) {
                    if (options.pmLimit() == null) {
                        errors.add(new InputError(at + "[" + v + "].host_id", "unknown host '" + vm.host() + "'"));
                    }
                    continue;
                }
                if (!vmIds.add(vm.id())) {
                    errors.add(new InputError(at + "[" + v + "].instance_id", "duplicate id '" + vm.id() + "'"));
                    continue;
                }
                vms.add(vm);
            }
        }
        List<AntiAffinityGroup> groups = new ArrayList<>();
        int dropped = 0;
        if (options.groups()) {
            for (int c = 0; c < clusters.size(); c++) {
                JsonNode cluster = clusters.get(c);
                JsonNode sets = cluster.path("other_requirement").path("deployment_set");
                String name = cluster.path("cluster_name").asText("cluster" + c);
                for (int s = 0; s < sets.size(); s++) {
                    JsonNode set = sets.get(s);
                    String at = "$.cluster_list[" + c + "].other_requirement.deployment_set[" + s + "]";
                    String granularity = set.path("granularity").asText("");
                    AntiAffinityGroup.Scope scope = switch (granularity.toLowerCase(Locale.ROOT)) {
                        case "host" -> AntiAffinityGroup.Scope.HOST;
                        case "rack" -> AntiAffinityGroup.Scope.RACK;
                        default -> null;
                    };
                    if (scope == null) {
                        errors.add(new InputError(at + ".granularity", "must be host or rack (found '" + granularity + "')"));
                        continue;
                    }
                    List<String> members = new ArrayList<>();
                    for (JsonNode member : set.path("data")) {
                        if (vmIds.contains(member.asText()) && !members.contains(member.asText())) {
                            members.add(member.asText());
                        }
                    }
                    if (members.size() < 2) {
                        dropped++;
                        continue;
                    }
                    groups.add(new AntiAffinityGroup(name + "/ds" + s, scope, members));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InputException(KIND, raw.toString(), errors);
        }
        if (dropped > 0) {
            warnings.add(dropped + " deployment set(s) with fewer than 2 members dropped");
        }
        checkReportedFree(pms, vms, reportedFree, warnings);
        String stem = raw.getFileName().toString().replaceFirst("\\.json(\\.gz)?$", "");
        String name = "vmr2l-" + stem + "-k" + options.maxMigrations()
                + (options.pmLimit() == null ? "" : "-pms" + options.pmLimit());
        String description = "VMR2L snapshot " + raw.getFileName() + ": " + pms.size() + " PMs, " + vms.size()
                + " VMs, " + groups.size() + " anti-affinity groups";
        ReschedulingInstance instance = new ReschedulingInstance(name, description,
                new Source(DATASET, "cloudopt convert vmr2l", null, null), options.fragmentCpuCores(),
                options.maxMigrations(), true, pms, vms, groups);
        return new Conversion(Instances.revalidate(ReschedulingProblem.INSTANCE, instance, raw.toString()), warnings);
    }

    private static ReschedulingPm host(JsonNode host, String at, List<InputError> errors,
                                       Map<String, double[]> reportedFree) {
        String id = text(host, "node_id", at, errors);
        String status = text(host, "status", at, errors);
        JsonNode rack = host.get("rack_id");
        JsonNode numas = host.get("numa");
        if (id == null || status == null) {
            return null;
        }
        PmStatus pmStatus;
        try {
            pmStatus = PmStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            errors.add(new InputError(at + ".status", "must be ACTIVE, DISABLED or OUTAGE (found '" + status + "')"));
            return null;
        }
        if (rack == null || rack.isNull()) {
            errors.add(new InputError(at + ".rack_id", "missing"));
            return null;
        }
        if (numas == null || !numas.isArray() || numas.size() != 2) {
            errors.add(new InputError(at + ".numa", "PM must have exactly 2 NUMA nodes"));
            return null;
        }
        List<JsonNode> sorted = new ArrayList<>();
        numas.forEach(sorted::add);
        sorted.sort(Comparator.comparingInt(node -> node.path("node").asInt()));
        List<ReschedulingPm.NumaCapacity> capacities = new ArrayList<>();
        double[] free = new double[4];
        for (int n = 0; n < 2; n++) {
            JsonNode numa = sorted.get(n);
            String where = at + ".numa[" + n + "]";
            if (numa.path("node").asInt(-1) != n) {
                errors.add(new InputError(where + ".node", "numa must be 0 or 1 (each once)"));
                return null;
            }
            Long cpu = integral(numa.get("total_cpu"), where + ".total_cpu", errors);
            Long memory = integral(numa.get("memory_huge_total_mb"), where + ".memory_huge_total_mb", errors);
            if (cpu == null || memory == null) {
                return null;
            }
            if (cpu < 1 || cpu > Integer.MAX_VALUE || memory < 1) {
                errors.add(new InputError(where, "capacities must be positive integers"));
                return null;
            }
            capacities.add(new ReschedulingPm.NumaCapacity(cpu.intValue(), memory));
            free[2 * n] = numa.path("free_cpu").asDouble(Double.NaN);
            free[2 * n + 1] = numa.path("memory_huge_free_mb").asDouble(Double.NaN);
        }
        reportedFree.put(id, free);
        return new ReschedulingPm(id, pmStatus, rack.asText(), capacities);
    }

    private static ReschedulingVm vm(JsonNode vm, String at, List<InputError> errors, boolean strict) {
        String id = text(vm, "instance_id", at, errors);
        String type = vm.path("instance_type").asText("");
        String host = text(vm, "host_id", at, errors);
        JsonNode numas = vm.get("numa");
        JsonNode allow = vm.get("allow_migration");
        if (id == null || host == null) {
            return null;
        }
        boolean allowMigration;
        if (allow == null || allow.isNull()) {
            allowMigration = true;
        } else if (allow.isBoolean()) {
            allowMigration = allow.asBoolean();
        } else if (allow.isIntegralNumber() && (allow.asInt() == 0 || allow.asInt() == 1)) {
            allowMigration = allow.asInt() == 1;
        } else {
            errors.add(new InputError(at + ".allow_migration", "must be true, false, 0 or 1"));
            return null;
        }
        if (strict && !allowMigration) {
            errors.add(new InputError(at + ".allow_migration", "pinned VM rejected by --strict (the VMR2L environment "
                    + "cannot load it)"));
            return null;
        }
        if (numas == null || !numas.isArray() || numas.isEmpty() || numas.size() > 2) {
            errors.add(new InputError(at + ".numa", "a VM has 1 NUMA share or 2 equal shares"));
            return null;
        }
        List<ReschedulingVm.Share> shares = new ArrayList<>();
        for (int n = 0; n < numas.size(); n++) {
            JsonNode share = numas.get(n);
            String where = at + ".numa[" + n + "]";
            Long node = integral(share.get("node"), where + ".node", errors);
            Long cpu = integral(share.get("cpu"), where + ".cpu", errors);
            Long memory = integral(share.get("mem_mb"), where + ".mem_mb", errors);
            if (node == null || cpu == null || memory == null) {
                return null;
            }
            if (node != 0 && node != 1) {
                errors.add(new InputError(where + ".node", "numa must be 0 or 1"));
                return null;
            }
            if (cpu < 1 || cpu > Integer.MAX_VALUE || memory < 0) {
                errors.add(new InputError(where, "cpu must be a positive integer and mem_mb a non-negative integer"));
                return null;
            }
            shares.add(new ReschedulingVm.Share(node.intValue(), cpu.intValue(), memory));
        }
        shares.sort(Comparator.comparingInt(ReschedulingVm.Share::numa));
        return new ReschedulingVm(id, type, host, shares, allowMigration);
    }

    private static String text(JsonNode node, String field, String at, List<InputError> errors) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            errors.add(new InputError(at + "." + field, "missing or not a string"));
            return null;
        }
        return value.asText();
    }

    /** A whole number written as an integer or a float ("184388.0"); null (and an error) otherwise. */
    private static Long integral(JsonNode value, String at, List<InputError> errors) {
        if (value == null || !value.isNumber()) {
            errors.add(new InputError(at, "missing or not a number"));
            return null;
        }
        double number = value.asDouble();
        if (!Double.isFinite(number) || number != Math.rint(number) || Math.abs(number) > 9.0e15) {
            errors.add(new InputError(at, "must be a whole number (found " + value + ")"));
            return null;
        }
        return (long) number;
    }

    private static void checkReportedFree(List<ReschedulingPm> pms, List<ReschedulingVm> vms,
                                          Map<String, double[]> reportedFree, List<String> warnings) {
        Map<String, long[]> used = new HashMap<>();
        for (ReschedulingVm vm : vms) {
            long[] load = used.computeIfAbsent(vm.host(), h -> new long[4]);
            for (ReschedulingVm.Share share : vm.numas()) {
                load[2 * share.numa()] += share.cpuCores();
                load[2 * share.numa() + 1] += share.memoryMiB();
            }
        }
        int mismatched = 0;
        for (ReschedulingPm pm : pms) {
            double[] free = reportedFree.get(pm.id());
            long[] load = used.getOrDefault(pm.id(), new long[4]);
            for (int n = 0; n < 2; n++) {
                double cpu = pm.numas().get(n).cpuCores() - load[2 * n];
                if (!Double.isNaN(free[2 * n]) && free[2 * n] != cpu) {
                    mismatched++;
                    break;
                }
            }
        }
        if (mismatched > 0) {
            warnings.add(mismatched + " PM(s) report free_cpu that differs from capacity minus their VMs "
                    + "(recomputed values are used)");
        }
    }
}
