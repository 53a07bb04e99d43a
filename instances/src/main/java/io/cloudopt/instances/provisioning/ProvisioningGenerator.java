package io.cloudopt.instances.provisioning;

import io.cloudopt.model.common.InputException;
import io.cloudopt.model.common.Instances;
import io.cloudopt.model.common.Source;
import io.cloudopt.model.provisioning.ProvisioningInstance;
import io.cloudopt.model.provisioning.ProvisioningProblem;
import java.util.List;
import java.util.Locale;

/**
 * The provisioning instances of problems/provisioning.md §3 and §11: the reference instance
 * {@code branchynet-resnet110} and its variants (mean rate, amplitude, bursts, exit profile, service law,
 * VM cold start, period). The seed is the simulator's (S1): the instance itself holds no random draws;
 * the seeded diurnal + burst trace is drawn from it by the simulator's request stream.
 */
public final class ProvisioningGenerator {
    public static final String GENERATOR = "ProvisioningGenerator";
    public static final String REFERENCE_NAME = "branchynet-resnet110";

    private ProvisioningGenerator() {
    }

    /** BranchyNet Table I exit shares. */
    public enum ExitProfile {
        RESNET(0.415, 0.138, 0.447), ALEXNET(0.656, 0.252, 0.092);

        private final double[] exits;

        ExitProfile(double... exits) {
            this.exits = exits;
        }

        public static ExitProfile parse(String text) {
            return switch (text) {
                case "resnet" -> RESNET;
                case "alexnet" -> ALEXNET;
                default -> throw InputException.usage("--exit-profile must be resnet or alexnet (got " + text + ")");
            };
        }
    }

    /**
     * @param seed             the simulator seed (and source.seed)
     * @param meanPerSecond    mean arrival rate before bursts (reference 50)
     * @param amplitude        diurnal amplitude A in [0, 1) (reference 0.6)
     * @param bursts           whether the MMPP burst chain is on (reference: factor 4, 30 s bursts every 870 s)
     * @param service          {@code lognormal:0.5} (reference) or {@code pareto:SHAPE}
     * @param vmColdStartSeconds L^V (reference 100)
     * @param periodSeconds    H (reference 300)
     */
    public record Options(long seed, double meanPerSecond, double amplitude, boolean bursts, ExitProfile exitProfile,
                          String service, double vmColdStartSeconds, int periodSeconds) {
        public Options {
            if (!(meanPerSecond > 0) || !Double.isFinite(meanPerSecond)) {
                throw InputException.usage("--mean-rps must be > 0 (got " + meanPerSecond + ")");
            }
            if (!(amplitude >= 0 && amplitude < 1)) {
                throw InputException.usage("--amplitude must be in [0, 1) (got " + amplitude + ")");
            }
            if (periodSeconds != 60 && periodSeconds != 300) {
                throw InputException.usage("--period must be 60 or 300 (got " + periodSeconds + ")");
            }
            if (!(vmColdStartSeconds >= 0 && vmColdStartSeconds <= 3600)) {
                throw InputException.usage("--vm-cold-start must be in [0, 3600] (got " + vmColdStartSeconds + ")");
            }
            serviceLaw(service);
        }

        public static Options reference() {
            return new Options(1, 50, 0.6, true, ExitProfile.RESNET, "lognormal:0.5", 100, 300);
        }

        public boolean isReference() {
            return equals(reference());
        }
    }

    /** The reference instance exactly as in §3. */
    public static ProvisioningInstance reference() {
        return generate(Options.reference());
    }

    public static ProvisioningInstance generate(Options options) {
        double[] exits = options.exitProfile().exits;
        double[] serviceMeanMs = {11.0, 35.0, 94.0};
        ProvisioningInstance.ServiceDistribution law = serviceLaw(options.service());
        List<ProvisioningInstance.Stage> stages = List.of(
                new ProvisioningInstance.Stage("s1", exits[0], serviceMeanMs[0], law, 256),
                new ProvisioningInstance.Stage("s2", exits[1], serviceMeanMs[1], law, 256),
                new ProvisioningInstance.Stage("s3", exits[2], serviceMeanMs[2], law, 256));
        ProvisioningInstance.Faas faas = new ProvisioningInstance.Faas(List.of(512, 1024, 1769, 3008), 1769,
                0.0000166667, 0.20, 1, 0, 600);
        List<ProvisioningInstance.VmType> vmTypes = List.of(
                new ProvisioningInstance.VmType("c5.large", 2, 4, 0.085, 1.0),
                new ProvisioningInstance.VmType("c5.xlarge", 4, 8, 0.17, 1.0),
                new ProvisioningInstance.VmType("m5.large", 2, 8, 0.096, 1.0));
        ProvisioningInstance.Burst burst = options.bursts() ? new ProvisioningInstance.Burst(4, 30, 870) : null;
        ProvisioningInstance.Arrivals arrivals = ProvisioningInstance.Arrivals.diurnal(options.meanPerSecond(),
                options.amplitude(), 43_200, burst);
        boolean reference = options.isReference();
        String name = reference ? REFERENCE_NAME : name(options);
        String description = "B-" + (options.exitProfile() == ExitProfile.RESNET ? "ResNet-110" : "AlexNet")
                + " exits (BranchyNet Table I), Lambda-like FaaS, EC2 VMs, diurnal" + (options.bursts() ? "+MMPP" : "")
                + " trace";
        Source source = new Source(null, null, GENERATOR + (reference ? " reference" : ""), options.seed());
        ProvisioningInstance instance = new ProvisioningInstance(name, description, source, 86_400,
                options.periodSeconds(), stages, faas, vmTypes, options.vmColdStartSeconds(), 60,
                new ProvisioningInstance.Transfers(0, 25, 25, 25), new ProvisioningInstance.Slo(400, 0.01),
                arrivals, new ProvisioningInstance.Simulation(options.seed(), 1));
        return Instances.revalidate(ProvisioningProblem.INSTANCE, instance, GENERATOR);
    }

    /** {@code lognormal:SIGMA} or {@code pareto:SHAPE}. */
    static ProvisioningInstance.ServiceDistribution serviceLaw(String text) {
        String[] parts = text.split(":", 2);
        double value;
        try {
            value = parts.length == 2 ? Double.parseDouble(parts[1]) : Double.NaN;
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (parts[0].equals("lognormal") && value > 0 && value <= 3) {
            return ProvisioningInstance.ServiceDistribution.lognormal(value);
        }
        if (parts[0].equals("pareto") && value > 2 && Double.isFinite(value)) {
            return ProvisioningInstance.ServiceDistribution.pareto(value);
        }
        throw InputException.usage("--service must be lognormal:SIGMA with SIGMA in (0, 3] or pareto:SHAPE with "
                + "SHAPE > 2 (got " + text + ")");
    }

    private static String name(Options options) {
        return String.format(Locale.ROOT, "branchynet-%s-rps%s-a%s%s-%s-cold%s-h%d-seed%d",
                options.exitProfile().name().toLowerCase(Locale.ROOT), compact(options.meanPerSecond()),
                compact(options.amplitude()), options.bursts() ? "" : "-nobursts",
                options.service().replace(':', '-'), compact(options.vmColdStartSeconds()), options.periodSeconds(),
                options.seed());
    }

    private static String compact(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
