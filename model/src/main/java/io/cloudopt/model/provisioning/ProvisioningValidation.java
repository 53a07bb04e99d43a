package io.cloudopt.model.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudopt.model.common.InputError;
import io.cloudopt.model.common.InputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The semantic rules V1–V12 of problems/provisioning.md §3 (and the non-finite numbers of §13), all
 * reported at once as {@code $.<path>: <rule>}.
 */
public final class ProvisioningValidation {
    static final double EXIT_SUM_TOLERANCE = 1e-9;
    static final int MIN_MEMORY_OPTION_MIB = 128;
    static final int MAX_MEMORY_OPTION_MIB = 10_240;
    static final double MAX_VM_COLD_START_SECONDS = 3600;
    static final int MIN_PERIOD_SECONDS = 60;

    private ProvisioningValidation() {
    }

    /** Every number of the document that is NaN or infinite (e.g. {@code 1e999}), as "not a finite number". */
    public static List<InputError> nonFiniteNumbers(JsonNode document) {
        List<InputError> errors = new ArrayList<>();
        collectNonFinite(document, "$", errors);
        return errors;
    }

    private static void collectNonFinite(JsonNode node, String at, List<InputError> errors) {
        if (node.isNumber()) {
            if (!Double.isFinite(node.asDouble())) {
                errors.add(new InputError(at, "not a finite number"));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectNonFinite(node.get(i), at + "[" + i + "]", errors);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                collectNonFinite(field.getValue(), at + "." + field.getKey(), errors);
            }
        }
    }

    /** The rules V1–V12 on a bound instance. */
    public static List<InputError> check(ProvisioningInstance instance) {
        List<InputError> errors = new ArrayList<>();
        checkStages(instance, errors);
        checkFaas(instance, errors);
        checkVmTypes(instance, errors);
        checkTime(instance, errors);
        checkSlo(instance, errors);
        checkArrivals(instance, errors);
        checkPricesAndDelays(instance, errors);
        return errors;
    }

    /**
     * An instance without VM types can run only faas-only (§13).
     *
     * @throws InputException when {@code policy} needs VMs and the instance has none
     */
    public static void requireVmTypesFor(ProvisioningInstance instance, String policy, String file) {
        boolean faasOnly = policy.equals("faas-only") || policy.equals("greedy-faas-only");
        if (instance.vmTypes().isEmpty() && !faasOnly) {
            throw new InputException("Instance", file, new InputError("$.vmTypes",
                    "no VM types; only faas-only can run"));
        }
    }

    private static void checkStages(ProvisioningInstance instance, List<InputError> errors) {
        List<ProvisioningInstance.Stage> stages = instance.stages();
        if (stages.isEmpty()) {
            errors.add(new InputError("$.stages", "at least one stage"));
            return;
        }
        Set<String> ids = new HashSet<>();
        double sum = 0;
        boolean fractionsInRange = true;
        for (int i = 0; i < stages.size(); i++) {
            ProvisioningInstance.Stage stage = stages.get(i);
            String at = "$.stages[" + i + "]";
            // V1 unique ids
            if (!ids.add(stage.id())) {
                errors.add(new InputError(at + ".id", "duplicate stage id " + stage.id()));
            }
            // V2 each exit fraction in [0, 1]
            double e = stage.exitFraction();
            if (!(e >= 0 && e <= 1)) {
                errors.add(new InputError(at + ".exitFraction", "exitFraction " + num(e) + " must be in [0,1]"));
                fractionsInRange = false;
            }
            sum += e;
            // V4 service law
            if (!(stage.serviceMeanMs() > 0) || !Double.isFinite(stage.serviceMeanMs())) {
                errors.add(new InputError(at + ".serviceMeanMs", "serviceMeanMs " + num(stage.serviceMeanMs())
                        + " must be > 0 and finite"));
            }
            ProvisioningInstance.ServiceDistribution law = stage.serviceDistribution();
            if (law.isLognormal()) {
                double sigma = law.sigmaLn();
                if (!(sigma > 0 && sigma <= 3)) {
                    errors.add(new InputError(at + ".serviceDistribution.sigmaLn", "sigmaLn " + num(sigma)
                            + " must be in (0, 3]"));
                }
            } else if (!(law.shape() > 2)) {
                errors.add(new InputError(at + ".serviceDistribution.shape", "pareto shape must be > 2 (finite variance)"
                        + ", found " + num(law.shape())));
            }
        }
        // V2 the exit fractions sum to 1
        if (fractionsInRange && Math.abs(sum - 1) > EXIT_SUM_TOLERANCE) {
            errors.add(new InputError("$.stages", "exit fractions sum to " + num(sum) + ", must be 1"));
        }
        // V3 the last stage lets every remaining request out
        int last = stages.size() - 1;
        if (!(stages.get(last).exitFraction() > 0)) {
            errors.add(new InputError("$.stages[" + last + "].exitFraction",
                    "last stage must have a positive exit fraction"));
        }
    }

    private static void checkFaas(ProvisioningInstance instance, List<InputError> errors) {
        List<Integer> options = instance.faas().memoryOptionsMiB();
        if (options.isEmpty()) {
            errors.add(new InputError("$.faas.memoryOptionsMiB", "at least one FaaS memory option"));
            return;
        }
        // V5 the grid is strictly increasing, each option in [128, 10240]
        for (int o = 0; o < options.size(); o++) {
            int m = options.get(o);
            if (m < MIN_MEMORY_OPTION_MIB || m > MAX_MEMORY_OPTION_MIB) {
                errors.add(new InputError("$.faas.memoryOptionsMiB[" + o + "]", m + " must be in ["
                        + MIN_MEMORY_OPTION_MIB + ", " + MAX_MEMORY_OPTION_MIB + "]"));
            }
            if (o > 0 && m <= options.get(o - 1)) {
                errors.add(new InputError("$.faas.memoryOptionsMiB[" + o + "]", m
                        + " must be greater than the previous option " + options.get(o - 1) + " (strictly increasing)"));
            }
        }
        // V5 every stage fits some option
        int largest = options.stream().mapToInt(Integer::intValue).max().orElseThrow();
        for (int i = 0; i < instance.stages().size(); i++) {
            ProvisioningInstance.Stage stage = instance.stages().get(i);
            if (stage.minMemoryMiB() > largest) {
                errors.add(new InputError("$.stages[" + i + "].minMemoryMiB", "stage " + stage.id()
                        + ": no FaaS memory option ≥ minMemoryMiB " + stage.minMemoryMiB()));
            }
        }
    }

    private static void checkVmTypes(ProvisioningInstance instance, List<InputError> errors) {
        Set<String> ids = new HashSet<>();
        for (int k = 0; k < instance.vmTypes().size(); k++) {
            ProvisioningInstance.VmType type = instance.vmTypes().get(k);
            String at = "$.vmTypes[" + k + "]";
            // V6
            if (!ids.add(type.id())) {
                errors.add(new InputError(at + ".id", "duplicate VM type id " + type.id()));
            }
            if (type.vcpus() < 1) {
                errors.add(new InputError(at + ".vcpus", "vcpus " + type.vcpus() + " must be an integer >= 1"));
            }
            if (!(type.usdPerHour() > 0)) {
                errors.add(new InputError(at + ".usdPerHour", "usdPerHour " + num(type.usdPerHour()) + " must be > 0"));
            }
            if (!(type.speedFactor() > 0)) {
                errors.add(new InputError(at + ".speedFactor", "speedFactor " + num(type.speedFactor())
                        + " must be > 0"));
            }
            if (!(type.memoryGiB() > 0)) {
                errors.add(new InputError(at + ".memoryGiB", "memoryGiB " + num(type.memoryGiB()) + " must be > 0"));
            }
        }
    }

    private static void checkTime(ProvisioningInstance instance, List<InputError> errors) {
        // V7
        int period = instance.periodSeconds();
        if (period < MIN_PERIOD_SECONDS) {
            errors.add(new InputError("$.periodSeconds", "periodSeconds " + period + " must be ≥ "
                    + MIN_PERIOD_SECONDS));
        } else if (instance.horizonSeconds() % period != 0) {
            errors.add(new InputError("$.horizonSeconds", "horizonSeconds " + instance.horizonSeconds()
                    + " is not a multiple of periodSeconds " + period));
        }
        // V8
        double coldStart = instance.vmColdStartSeconds();
        if (!(coldStart >= 0 && coldStart <= MAX_VM_COLD_START_SECONDS)) {
            errors.add(new InputError("$.vmColdStartSeconds", "vmColdStartSeconds must be in [0, 3600], found "
                    + num(coldStart)));
        }
    }

    private static void checkSlo(ProvisioningInstance instance, List<InputError> errors) {
        // V9
        double epsilon = instance.slo().violationProbability();
        if (!(epsilon > 0 && epsilon < 0.5)) {
            errors.add(new InputError("$.slo.violationProbability", "violationProbability " + num(epsilon)
                    + " must be in (0, 0.5)"));
        }
        if (!(instance.slo().latencyMs() > 0)) {
            errors.add(new InputError("$.slo.latencyMs", "latencyMs " + num(instance.slo().latencyMs())
                    + " must be > 0"));
        }
    }

    private static void checkArrivals(ProvisioningInstance instance, List<InputError> errors) {
        ProvisioningInstance.Arrivals arrivals = instance.arrivals();
        if (arrivals.isDiurnal()) {
            // V11
            if (!(arrivals.meanPerSecond() >= 0)) {
                errors.add(new InputError("$.arrivals.meanPerSecond", "meanPerSecond "
                        + num(arrivals.meanPerSecond()) + " must be ≥ 0"));
            }
            if (!(arrivals.amplitude() >= 0 && arrivals.amplitude() < 1)) {
                errors.add(new InputError("$.arrivals.amplitude", "amplitude " + num(arrivals.amplitude())
                        + " must be in [0,1)"));
            }
        } else {
            // V10
            List<Double> counts = arrivals.countsPerMinute();
            int expected = instance.horizonSeconds() / 60;
            if (instance.horizonSeconds() % 60 != 0) {
                errors.add(new InputError("$.horizonSeconds", "horizonSeconds " + instance.horizonSeconds()
                        + " must be whole minutes for per-minute arrivals"));
            } else if (counts.size() != expected) {
                errors.add(new InputError("$.arrivals.countsPerMinute", "countsPerMinute has " + counts.size()
                        + " values, expected " + expected));
            }
            boolean anyPositive = false;
            for (int q = 0; q < counts.size(); q++) {
                double count = counts.get(q);
                if (!(count >= 0)) {
                    errors.add(new InputError("$.arrivals.countsPerMinute[" + q + "]", num(count) + " must be ≥ 0"));
                }
                anyPositive |= count > 0;
            }
            if (!anyPositive) {
                errors.add(new InputError("$.arrivals.countsPerMinute", "countsPerMinute are all 0; no request arrives"));
            }
        }
        ProvisioningInstance.Burst burst = arrivals.burst();
        if (burst != null) {
            // V11
            if (!(burst.factor() >= 1)) {
                errors.add(new InputError("$.arrivals.burst.factor", "burst factor " + num(burst.factor())
                        + " must be ≥ 1"));
            }
            if (!(burst.meanDurationSeconds() > 0)) {
                errors.add(new InputError("$.arrivals.burst.meanDurationSeconds", "meanDurationSeconds "
                        + num(burst.meanDurationSeconds()) + " must be > 0"));
            }
            if (!(burst.meanGapSeconds() > 0)) {
                errors.add(new InputError("$.arrivals.burst.meanGapSeconds", "meanGapSeconds "
                        + num(burst.meanGapSeconds()) + " must be > 0"));
            }
        }
    }

    private static void checkPricesAndDelays(ProvisioningInstance instance, List<InputError> errors) {
        // V12 all prices and delays ≥ 0
        ProvisioningInstance.Faas faas = instance.faas();
        nonNegative("$.faas.usdPerGbSecond", faas.usdPerGbSecond(), errors);
        nonNegative("$.faas.usdPerMillionRequests", faas.usdPerMillionRequests(), errors);
        nonNegative("$.faas.coldStartMs", faas.coldStartMs(), errors);
        nonNegative("$.faas.keepAliveSeconds", faas.keepAliveSeconds(), errors);
        nonNegative("$.vmMinBillingSeconds", instance.vmMinBillingSeconds(), errors);
        ProvisioningInstance.Transfers hops = instance.transferMs();
        nonNegative("$.transferMs.vmVm", hops.vmVm(), errors);
        nonNegative("$.transferMs.vmFaas", hops.vmFaas(), errors);
        nonNegative("$.transferMs.faasVm", hops.faasVm(), errors);
        nonNegative("$.transferMs.faasFaas", hops.faasFaas(), errors);
    }

    private static void nonNegative(String at, double value, List<InputError> errors) {
        if (!(value >= 0)) {
            String field = at.substring(at.lastIndexOf('.') + 1);
            errors.add(new InputError(at, field + " " + num(value) + " must be ≥ 0"));
        }
    }

    static String num(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String text = String.format(Locale.ROOT, "%.10g", value);
        if (text.contains("e")) {
            return text;
        }
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }
}
