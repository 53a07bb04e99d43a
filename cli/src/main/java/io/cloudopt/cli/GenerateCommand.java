package io.cloudopt.cli;

import io.cloudopt.instances.dvamp.DvampGenerator;
import io.cloudopt.model.common.InputException;
import io.cloudopt.model.dvamp.DvampInstance;
import io.cloudopt.model.dvamp.DvampSemantics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate a seeded synthetic instance matching a dataset's published statistics.",
        subcommands = {GenerateCommand.Dvamp.class, GenerateCommand.Rescheduling.class,
                GenerateCommand.WorkflowGates.class, GenerateCommand.Provisioning.class})
final class GenerateCommand implements Runnable {
    @Override
    public void run() {
        throw InputException.usage("generate needs a problem (see cloudopt generate --help)");
    }

    @Command(name = "dvamp", mixinStandardHelpOptions = true, sortOptions = false,
            description = "VMs with the Huawei-East-1 type mix, inter-arrival and lifetime statistics; the achieved "
                    + "statistics are written into the description.")
    static final class Dvamp implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--vms", defaultValue = "200", description = "Number of VMs (default: ${DEFAULT-VALUE}).")
        int vms;

        @Option(names = "--pms", defaultValue = "5", description = "PMs (default: ${DEFAULT-VALUE}).")
        int pms;

        @Option(names = "--placements", description = "Episode length P (default: all VMs).")
        Integer placements;

        @Option(names = "--semantics", defaultValue = "spane", converter = DvampShapeOptions.SemanticsConverter.class,
                description = "spane or vmagent (default: ${DEFAULT-VALUE}).")
        DvampSemantics semantics;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE")
        Path output;

        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            if (pms < 1) {
                throw InputException.usage("--pms must be >= 1 (found " + pms + ")");
            }
            DvampGenerator.Options options = DvampGenerator.Options.of(seed, vms).withPmCount(pms)
                    .withSemantics(semantics).withEpisodePlacements(placements);
            DvampInstance instance = DvampGenerator.generateTo(options, output);
            PrintWriter out = spec.commandLine().getOut();
            Written.report(out, common.json, output, "dvamp", instance.name() + ": " + instance.description(), 1);
            return Main.OK;
        }
    }

    @Command(name = "rescheduling", mixinStandardHelpOptions = true, sortOptions = false,
            description = "A running cluster like the VMR2L Medium dataset: two-NUMA PMs of 44 cores / 184388 MiB, "
                    + "the reset_vm_pm0 flavour mix, CPU use >= 94 %, initial fragment rate in [0.50, 0.62].")
    static final class Rescheduling implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--pms", defaultValue = "279", description = "PMs (default: ${DEFAULT-VALUE}).")
        int pms;

        @Option(names = "--max-migrations", defaultValue = "50", description = "k (default: ${DEFAULT-VALUE}).")
        int maxMigrations;

        @Option(names = "--fragment-cores", defaultValue = "16", description = "G (default: ${DEFAULT-VALUE}).")
        int fragmentCores;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE")
        Path output;

        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            io.cloudopt.model.rescheduling.ReschedulingInstance instance =
                    io.cloudopt.instances.rescheduling.ReschedulingGenerator.generateTo(
                            new io.cloudopt.instances.rescheduling.ReschedulingGenerator.Options(seed, pms,
                                    maxMigrations, fragmentCores), output);
            PrintWriter out = spec.commandLine().getOut();
            Written.report(out, common.json, output, "rescheduling", instance.name() + ": " + instance.description(), 1);
            return Main.OK;
        }
    }

    @Command(name = "workflow", mixinStandardHelpOptions = true, sortOptions = false,
            description = "GATES-like arrivals: application uniform over the size's four DAX files, Poisson arrivals "
                    + "with the original's shifted-arrival rule.")
    static final class WorkflowGates implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--size", defaultValue = "S", description = "S, M or L (default: ${DEFAULT-VALUE}).")
        String size;

        @Option(names = "--workflows", defaultValue = "30", description = "Workflows (default: ${DEFAULT-VALUE}).")
        int workflows;

        @Option(names = "--rate", defaultValue = "0.01", description = "Arrivals per second (default: ${DEFAULT-VALUE}).")
        double rate;

        @Option(names = "--gamma", defaultValue = "1", description = "Deadline factor γ (default: ${DEFAULT-VALUE}).")
        double gamma;

        @Option(names = "--dax-dir", required = true, paramLabel = "DIR", description = "The Pegasus DAX files.")
        Path daxDir;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE")
        Path output;

        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            io.cloudopt.model.workflow.WorkflowInstance instance = io.cloudopt.instances.workflow.WorkflowGenerator
                    .generate(new io.cloudopt.instances.workflow.WorkflowGenerator.Options(seed,
                            size.toUpperCase(java.util.Locale.ROOT), workflows, rate, gamma), daxDir);
            io.cloudopt.model.common.Instances.write(output, io.cloudopt.model.workflow.WorkflowProblem.INSTANCE,
                    instance);
            Written.report(spec.commandLine().getOut(), common.json, output, "workflow",
                    instance.name() + ": " + instance.description(), 1);
            return Main.OK;
        }
    }

    @Command(name = "provisioning", mixinStandardHelpOptions = true, sortOptions = false,
            description = "An early-exit inference instance: the reference branchynet-resnet110 with its defaults, or "
                    + "a variant (rate, diurnal amplitude, bursts, exit profile, service law, VM cold start, period).")
    static final class Provisioning implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--mean-rps", defaultValue = "50", description = "Mean arrival rate (default: ${DEFAULT-VALUE}).")
        double meanRps;

        @Option(names = "--amplitude", defaultValue = "0.6", description = "Diurnal amplitude (default: ${DEFAULT-VALUE}).")
        double amplitude;

        @Option(names = "--no-bursts", description = "Turn the burst chain off.")
        boolean noBursts;

        @Option(names = "--exits", defaultValue = "resnet", description = "Exit profile: resnet or alexnet "
                + "(default: ${DEFAULT-VALUE}).")
        String exits;

        @Option(names = "--service", defaultValue = "lognormal:0.5",
                description = "Service law: lognormal:SIGMA or pareto:SHAPE (default: ${DEFAULT-VALUE}).")
        String service;

        @Option(names = "--vm-cold-start", defaultValue = "100", description = "VM cold start in seconds "
                + "(default: ${DEFAULT-VALUE}).")
        double vmColdStart;

        @Option(names = "--period", defaultValue = "300", description = "Planning period, 60 or 300 s "
                + "(default: ${DEFAULT-VALUE}).")
        int period;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE")
        Path output;

        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            io.cloudopt.instances.provisioning.ProvisioningGenerator.Options options =
                    new io.cloudopt.instances.provisioning.ProvisioningGenerator.Options(seed, meanRps, amplitude,
                            !noBursts, io.cloudopt.instances.provisioning.ProvisioningGenerator.ExitProfile.parse(exits),
                            service, vmColdStart, period);
            io.cloudopt.model.provisioning.ProvisioningInstance instance =
                    io.cloudopt.instances.provisioning.ProvisioningGenerator.generate(options);
            io.cloudopt.model.common.Instances.write(output, io.cloudopt.model.provisioning.ProvisioningProblem.INSTANCE,
                    instance);
            Written.report(spec.commandLine().getOut(), common.json, output, "provisioning", instance.name(), 1);
            return Main.OK;
        }
    }
}
