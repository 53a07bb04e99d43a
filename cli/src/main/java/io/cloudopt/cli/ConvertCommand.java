package io.cloudopt.cli;

import io.cloudopt.instances.dvamp.HuaweiTraceConverter;
import io.cloudopt.instances.rescheduling.Vmr2lConverter;
import io.cloudopt.model.common.InputException;
import io.cloudopt.model.common.Instances;
import io.cloudopt.model.dvamp.DvampInstance;
import io.cloudopt.model.dvamp.DvampSemantics;
import io.cloudopt.model.rescheduling.ReschedulingProblem;
import io.cloudopt.instances.workflow.DaxReader;
import io.cloudopt.instances.workflow.GatesTestConverter;
import io.cloudopt.instances.workflow.WfFormatReader;
import io.cloudopt.model.workflow.Workflow;
import io.cloudopt.model.workflow.WorkflowInstance;
import io.cloudopt.model.workflow.WorkflowProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert a public dataset into instance files.",
        subcommands = {ConvertCommand.HuaweiLt.class, ConvertCommand.Vmr2l.class, ConvertCommand.Dax.class,
                ConvertCommand.GatesTest.class, ConvertCommand.WfFormat.class, ConvertCommand.AzureFunctions.class})
final class ConvertCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw InputException.usage("convert needs a dataset: huawei-lt, vmr2l, dax, gates-test, wfformat or "
                + "azure-functions-2019 "
                + "(see cloudopt convert --help)");
    }

    @Command(name = "huawei-lt", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"dvamp instances from the Huawei-East-1 lifetime CSV (vmid,cpu,mem,at,lt).",
                    "--protocol spane (default): a first-fit probe from the start index gives L; the episode places "
                            + "L + --extra VMs.",
                    "--protocol window --count K [--warmup W|probe]: K rows, from an empty cluster or after a warm-up "
                            + "run whose running VMs become initialVms (probe: the window starts when the cluster is "
                            + "full).",
                    "--suite spane-test|spane-valid -o DIR: one instance per start index (read beside the trace) and "
                            + "DIR/index.csv."})
    static final class HuaweiLt implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "TRACE")
        Path trace;

        @Option(names = "--start-index", paramLabel = "S", description = "First trace row of the episode.")
        Integer startIndex;

        @Option(names = "--pms", defaultValue = "5", description = "PMs (default: ${DEFAULT-VALUE}).")
        int pms;

        @Option(names = "--protocol", defaultValue = "spane", description = "spane or window (default: ${DEFAULT-VALUE}).")
        String protocol;

        @Option(names = "--extra", defaultValue = "40", description = "spane: placements after the probe "
                + "(default: ${DEFAULT-VALUE}).")
        int extra;

        @Option(names = "--count", paramLabel = "K", description = "window: number of VMs.")
        Integer count;

        @Option(names = "--warmup", paramLabel = "W|probe", description = "window: warm-up placements, or probe.")
        String warmup;

        @Option(names = "--warmup-policy", defaultValue = "ff", description = "Warm-up policy (default: ${DEFAULT-VALUE}).")
        String warmupPolicy;

        @Option(names = "--semantics", defaultValue = "spane", converter = DvampShapeOptions.SemanticsConverter.class,
                description = "spane or vmagent (default: ${DEFAULT-VALUE}).")
        DvampSemantics semantics;

        @Mixin
        DvampShapeOptions shape;




        @Option(names = "--suite", paramLabel = "spane-test|spane-valid", description = "Convert a whole suite into -o DIR.")
        String suite;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE|DIR",
                description = "Instance file (.json or .json.gz), or the directory of a suite.")
        Path output;

        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            HuaweiTraceConverter.Warmup warm = warmup == null ? HuaweiTraceConverter.Warmup.NONE
                    : HuaweiTraceConverter.Warmup.parse(warmup);
            HuaweiTraceConverter.Options options = new HuaweiTraceConverter.Options(startIndex == null ? 0 : startIndex,
                    pms, HuaweiTraceConverter.Protocol.fromName(protocol), extra, count, warm, warmupPolicy,
                    semantics, shape.cpuPerNuma, shape.memPerNuma, shape.doubleThreshold);
            if (suite != null) {
                List<HuaweiTraceConverter.SuiteEntry> entries = HuaweiTraceConverter.convertSuite(trace,
                        HuaweiTraceConverter.Suite.fromName(suite), options, output);
                Written.report(out, common.json, output, "dvamp", entries.size() + " instances and "
                        + HuaweiTraceConverter.INDEX_FILE, entries.size());
                out.flush();
                return Main.OK;
            }
            if (startIndex == null) {
                throw InputException.usage("--start-index is required (or --suite)");
            }
            DvampInstance instance = HuaweiTraceConverter.convertTo(HuaweiTraceConverter.readTrace(trace), options,
                    output);
            Written.report(out, common.json, output, "dvamp", instance.name() + ", " + instance.vms().size() + " VMs, "
                    + instance.initialVms().size() + " running at the start", 1);
            out.flush();
            return Main.OK;
        }
    }

    @Command(name = "vmr2l", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"A rescheduling instance from a VMR2L cluster snapshot (cluster_list[] with host_info, "
                    + "vm_instance, other_requirement.deployment_set).",
                    "Clusters are merged in file order; deployment sets become anti-affinity groups (sets with fewer "
                            + "than 2 members are dropped)."})
    static final class Vmr2l implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "RAW")
        Path raw;

        @Option(names = "--max-migrations", defaultValue = "50", paramLabel = "K",
                description = "The migration limit k (default: ${DEFAULT-VALUE}).")
        int maxMigrations;

        @Option(names = "--fragment-cores", defaultValue = "16", paramLabel = "G",
                description = "Fragment granularity G (default: ${DEFAULT-VALUE}).")
        int fragmentCores;

        @Option(names = "--pms", paramLabel = "N", description = "Keep only the first N PMs and their VMs.")
        Integer pms;

        @Option(names = "--strict", description = "Reject allow_migration: 0, as the VMR2L environment does.")
        boolean strict;

        @Option(names = "--no-groups", description = "Drop the deployment sets (the original environment never "
                + "enforced them).")
        boolean noGroups;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE")
        Path output;

        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            Vmr2lConverter.Conversion conversion = Vmr2lConverter.convert(raw,
                    new Vmr2lConverter.Options(maxMigrations, fragmentCores, pms, strict, !noGroups));
            PrintWriter err = spec.commandLine().getErr();
            conversion.warnings().forEach(warning -> err.println("cloudopt: warning: " + warning));
            err.flush();
            Instances.write(output, ReschedulingProblem.INSTANCE, conversion.instance());
            PrintWriter out = spec.commandLine().getOut();
            Written.report(out, common.json, output, "rescheduling", conversion.instance().description(), 1);
            out.flush();
            return Main.OK;
        }
    }

    /** Writes a one-workflow instance with the GATES VM types and penalty, and reports it. */
    private static int writeOneWorkflow(CommandSpec spec, CommonOptions common, Path output, Workflow workflow,
                                        double gamma, String name, String dataset, String converter) {
        if (!(gamma > 0) || !Double.isFinite(gamma)) {
            throw InputException.usage("--gamma must be > 0 (got " + gamma + ")");
        }
        WorkflowInstance instance = new WorkflowInstance(name, "one " + workflow.application() + " workflow, "
                + workflow.tasks().size() + " tasks, deadline factor " + gamma,
                new io.cloudopt.model.common.Source(dataset, converter, null, null), WorkflowInstance.GATES,
                GatesTestConverter.GATES_VM_TYPES, GatesTestConverter.REFERENCE_VCPUS,
                GatesTestConverter.GATES_PENALTY, gamma, List.of(workflow));
        WorkflowInstance checked = GatesTestConverter.validated(instance);
        Instances.write(output, WorkflowProblem.INSTANCE, checked);
        Written.report(spec.commandLine().getOut(), common.json, output, "workflow", checked.name(), 1);
        return Main.OK;
    }

    @Command(name = "dax", mixinStandardHelpOptions = true, sortOptions = false,
            description = "A one-workflow instance from a Pegasus DAX file (tasks in job order, runtime on 16 vCPUs; "
                    + "file sizes are ignored), with the GATES VM types and penalty.")
    static final class Dax implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DAX")
        Path dax;

        @Option(names = "--arrival", defaultValue = "0", description = "Arrival time in seconds (default: ${DEFAULT-VALUE}).")
        double arrival;

        @Option(names = "--gamma", defaultValue = "1", description = "Deadline factor γ (default: ${DEFAULT-VALUE}).")
        double gamma;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE")
        Path output;

        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            if (!(arrival >= 0) || !Double.isFinite(arrival)) {
                throw InputException.usage("--arrival must be >= 0 (got " + arrival + ")");
            }
            String stem = dax.getFileName().toString().replaceFirst("\\.xml$", "");
            Workflow workflow = DaxReader.read(dax, "w0", stem.replaceFirst("_\\d+$", ""), arrival);
            return writeOneWorkflow(spec, common, output, workflow, gamma, "dax-" + stem + "-g"
                    + java.math.BigDecimal.valueOf(gamma).stripTrailingZeros().toPlainString(), "Pegasus DAX "
                    + dax.getFileName(), "cloudopt convert dax");
        }
    }

    @Command(name = "gates-test", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Instances from a GATES test-instance table (gates_test_instances_<S|M|L>.csv): instance N "
                    + "(or --all) with deadline factor γ; DAX files from --dax-dir (default: dax/ beside the table).",
                    "Checks the shifted-arrival rule (effective[k] = sampled[k-1]) and the size's application files."})
    static final class GatesTest implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "TABLE")
        Path table;

        @Option(names = "--instance", paramLabel = "N", description = "The instance number.")
        Integer instance;

        @Option(names = "--all", description = "Write every instance of the table into -o DIR.")
        boolean all;

        @Option(names = "--gamma", defaultValue = "1", description = "Deadline factor γ (default: ${DEFAULT-VALUE}).")
        double gamma;

        @Option(names = "--dax-dir", paramLabel = "DIR", description = "The DAX files.")
        Path daxDir;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE|DIR")
        Path output;

        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            if (all == (instance != null)) {
                throw InputException.usage("give either --instance N or --all");
            }
            GatesTestConverter.Table read = GatesTestConverter.read(table);
            Path dax = daxDir != null ? daxDir : table.toAbsolutePath().resolveSibling("dax");
            List<WorkflowInstance> instances = all ? GatesTestConverter.convertAll(read, gamma, dax)
                    : List.of(GatesTestConverter.convert(read, instance, gamma, dax, new java.util.HashMap<>()));
            List<WorkflowInstance> checked = instances.stream().map(GatesTestConverter::validated).toList();
            if (all) {
                for (WorkflowInstance converted : checked) {
                    Instances.write(output.resolve(converted.name() + ".json"), WorkflowProblem.INSTANCE, converted);
                }
            } else {
                Instances.write(output, WorkflowProblem.INSTANCE, checked.get(0));
            }
            Written.report(spec.commandLine().getOut(), common.json, output, "workflow", all ? checked.size()
                    + " instances" : checked.get(0).name(), checked.size());
            return Main.OK;
        }
    }

    @Command(name = "wfformat", mixinStandardHelpOptions = true, sortOptions = false,
            description = "A one-workflow instance from a WfCommons WfFormat JSON file (schema 1.4, 1.5 or 1.6).")
    static final class WfFormat implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Option(names = "--arrival", defaultValue = "0", description = "Arrival time in seconds (default: ${DEFAULT-VALUE}).")
        double arrival;

        @Option(names = "--gamma", defaultValue = "1", description = "Deadline factor γ (default: ${DEFAULT-VALUE}).")
        double gamma;

        @Option(names = "--runtime-scale", defaultValue = "1",
                description = "Multiply every runtime (default: ${DEFAULT-VALUE}).")
        double runtimeScale;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE")
        Path output;

        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            Workflow workflow = WfFormatReader.read(file, "w0", arrival, runtimeScale);
            String stem = file.getFileName().toString().replaceFirst("\\.json$", "");
            return writeOneWorkflow(spec, common, output, workflow, gamma, "wfformat-" + stem, "WfFormat "
                    + file.getFileName(), "cloudopt convert wfformat");
        }
    }

    @Command(name = "azure-functions-2019", mixinStandardHelpOptions = true, sortOptions = false,
            description = "A provisioning instance whose arrivals follow one function of an Azure Functions 2019 "
                    + "per-minute invocation file, scaled to a mean rate (the reference instance otherwise).")
    static final class AzureFunctions implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Option(names = "--function", paramLabel = "HASH", description = "HashFunction of the row (default: the "
                + "http-triggered row with the most invocations).")
        String function;

        @Option(names = "--mean-rps", defaultValue = "50", description = "Mean rate after scaling (default: ${DEFAULT-VALUE}).")
        double meanRps;

        @Option(names = "--no-bursts", description = "Turn the burst chain off.")
        boolean noBursts;

        @Option(names = "--period", defaultValue = "300", description = "Planning period, 60 or 300 s "
                + "(default: ${DEFAULT-VALUE}).")
        int period;

        @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE")
        Path output;

        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            io.cloudopt.model.provisioning.ProvisioningInstance instance =
                    io.cloudopt.instances.provisioning.AzureFunctionsConverter.convert(file,
                            new io.cloudopt.instances.provisioning.AzureFunctionsConverter.Options(function, meanRps,
                                    !noBursts, period, seed));
            Instances.write(output, io.cloudopt.model.provisioning.ProvisioningProblem.INSTANCE, instance);
            Written.report(spec.commandLine().getOut(), common.json, output, "provisioning", instance.name(), 1);
            return Main.OK;
        }
    }
}
