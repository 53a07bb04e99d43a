package io.cloudopt.instances.dvamp;

import io.cloudopt.model.common.AtomicFiles;
import io.cloudopt.model.common.InputException;
import io.cloudopt.model.common.Instances;
import io.cloudopt.model.common.Source;
import io.cloudopt.model.dvamp.DvampEpisode;
import io.cloudopt.model.dvamp.DvampInitialVm;
import io.cloudopt.model.dvamp.DvampInstance;
import io.cloudopt.model.dvamp.DvampObserver;
import io.cloudopt.model.dvamp.DvampPolicies;
import io.cloudopt.model.dvamp.DvampPolicy;
import io.cloudopt.model.dvamp.DvampProblem;
import io.cloudopt.model.dvamp.DvampProtocol;
import io.cloudopt.model.dvamp.DvampRun;
import io.cloudopt.model.dvamp.DvampSemantics;
import io.cloudopt.model.dvamp.DvampSimulator;
import io.cloudopt.model.dvamp.DvampTrace;
import io.cloudopt.model.dvamp.DvampVm;
import io.cloudopt.model.dvamp.DvampWorkload;
import io.cloudopt.model.dvamp.SpaneProtocol;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Cuts dvamp instances from the Huawei-East-1 lifetime file (problems/dvamp.md §11): SPANE
 * episodes (first-fit probe + extra placements), windows (optionally after a warm-up that fills the
 * cluster) and whole SPANE suites. VM ids are the trace's {@code vmid}, which equals the row index
 * ({@link HuaweiTraceReader} checks it). Every instance is revalidated before it is returned.
 */
public final class HuaweiTraceConverter {
    public static final String DATASET = "Huawei-East-1 (CC BY-NC 4.0)";
    public static final String CONVERTER = "cloudopt convert huawei-lt";
    public static final int DEFAULT_PM_COUNT = 5;
    public static final int DEFAULT_EXTRA_PLACEMENTS = 40;
    public static final String DEFAULT_WARMUP_POLICY = "ff";
    public static final String INDEX_FILE = "index.csv";
    public static final List<String> INDEX_HEADER = List.of("episode", "start_index", "name", "N_vm", "ff_probe_len");

    private HuaweiTraceConverter() {
    }

    /** {@code --protocol}: how the rows of an instance are chosen. */
    public enum Protocol {
        /** First-fit probe L from the start index, then P = L + extra placements (SPANE's evaluation). */
        SPANE("spane"),
        /** K consecutive rows, from an empty cluster or after a warm-up. */
        WINDOW("window");

        private final String cliName;

        Protocol(String cliName) {
            this.cliName = cliName;
        }

        public String cliName() {
            return cliName;
        }

        public static Protocol fromName(String name) {
            for (Protocol protocol : values()) {
                if (protocol.cliName.equals(name)) {
                    return protocol;
                }
            }
            throw InputException.usage("--protocol must be \"spane\" or \"window\" (found \"" + name + "\")");
        }
    }

    /** {@code --warmup}: none, a number of placements W, or the first-fit probe length ({@code probe}). */
    public record Warmup(Kind kind, int placements) {
        public static final Warmup NONE = new Warmup(Kind.NONE, 0);
        public static final Warmup PROBE = new Warmup(Kind.PROBE, 0);

        public enum Kind { NONE, PLACEMENTS, PROBE }

        public Warmup {
            Objects.requireNonNull(kind, "kind");
            if (kind == Kind.PLACEMENTS && placements < 1) {
                throw InputException.usage("--warmup must be a number of placements >= 1 or \"probe\" (found "
                        + placements + ")");
            }
        }

        public static Warmup placements(int count) {
            return new Warmup(Kind.PLACEMENTS, count);
        }

        /** Parses {@code --warmup}: {@code probe} or a whole number >= 1. */
        public static Warmup parse(String text) {
            if (text == null || text.isEmpty()) {
                return NONE;
            }
            if (text.equals("probe")) {
                return PROBE;
            }
            try {
                return placements(Integer.parseInt(text));
            } catch (NumberFormatException e) {
                throw InputException.usage("--warmup must be a number of placements >= 1 or \"probe\" (found \""
                        + text + "\")");
            }
        }

        @Override
        public String toString() {
            return switch (kind) {
                case NONE -> "none";
                case PROBE -> "probe";
                case PLACEMENTS -> Integer.toString(placements);
            };
        }
    }

    /** {@code --suite}: a SPANE start-index file, read beside the trace. */
    public enum Suite {
        SPANE_TEST("spane-test", "spane_test_start_indices_1000.csv"),
        SPANE_VALID("spane-valid", "spane_valid_start_indices_150.csv");

        private final String cliName;
        private final String startIndexFile;

        Suite(String cliName, String startIndexFile) {
            this.cliName = cliName;
            this.startIndexFile = startIndexFile;
        }

        public String cliName() {
            return cliName;
        }

        /** The start-index file's name; it lives in the trace's directory. */
        public String startIndexFile() {
            return startIndexFile;
        }

        public static Suite fromName(String name) {
            for (Suite suite : values()) {
                if (suite.cliName.equals(name)) {
                    return suite;
                }
            }
            throw InputException.usage("--suite must be \"spane-test\" or \"spane-valid\" (found \"" + name + "\")");
        }
    }

    /**
     * The converter's options, one per command-line option of {@code cloudopt convert huawei-lt}.
     *
     * @param startIndex         S, the first trace row ({@code --start-index}; ignored by suites)
     * @param pmCount            m ({@code --pms})
     * @param protocol           {@code --protocol}
     * @param extraPlacements    placements after the probe under {@code spane} ({@code --extra})
     * @param count              K, the window length ({@code --count}; required for {@code window})
     * @param warmup             {@code --warmup} (window only)
     * @param warmupPolicy       {@code --warmup-policy}, a policy of {@link DvampPolicies}
     * @param semantics          {@code --semantics} of the written instance
     * @param cpuCoresPerNuma    C^cpu ({@code --cpu-per-numa})
     * @param memoryGiBPerNuma   C^mem ({@code --mem-per-numa})
     * @param doubleThresholdGiB θ ({@code --double-threshold})
     */
    public record Options(int startIndex, int pmCount, Protocol protocol, int extraPlacements, Integer count,
                          Warmup warmup, String warmupPolicy, DvampSemantics semantics, int cpuCoresPerNuma,
                          int memoryGiBPerNuma, int doubleThresholdGiB) {
        public Options {
            protocol = protocol == null ? Protocol.SPANE : protocol;
            warmup = warmup == null ? Warmup.NONE : warmup;
            warmupPolicy = warmupPolicy == null ? DEFAULT_WARMUP_POLICY : warmupPolicy;
            semantics = semantics == null ? DvampSemantics.SPANE : semantics;
        }

        /** The SPANE protocol with the defaults of §11 (40 extra placements, 40 cores / 90 GiB, θ = 10). */
        public static Options spane(int startIndex, int pmCount) {
            return new Options(startIndex, pmCount, Protocol.SPANE, DEFAULT_EXTRA_PLACEMENTS, null, Warmup.NONE,
                    DEFAULT_WARMUP_POLICY, DvampSemantics.SPANE, DvampInstance.DEFAULT_CPU_CORES_PER_NUMA,
                    DvampInstance.DEFAULT_MEMORY_GIB_PER_NUMA, DvampInstance.DEFAULT_DOUBLE_NUMA_THRESHOLD_GIB);
        }

        /** A window of {@code count} rows with the default capacities, from an empty cluster. */
        public static Options window(int startIndex, int pmCount, int count) {
            return new Options(startIndex, pmCount, Protocol.WINDOW, DEFAULT_EXTRA_PLACEMENTS, count, Warmup.NONE,
                    DEFAULT_WARMUP_POLICY, DvampSemantics.SPANE, DvampInstance.DEFAULT_CPU_CORES_PER_NUMA,
                    DvampInstance.DEFAULT_MEMORY_GIB_PER_NUMA, DvampInstance.DEFAULT_DOUBLE_NUMA_THRESHOLD_GIB);
        }

        public Options withStartIndex(int newStartIndex) {
            return new Options(newStartIndex, pmCount, protocol, extraPlacements, count, warmup, warmupPolicy,
                    semantics, cpuCoresPerNuma, memoryGiBPerNuma, doubleThresholdGiB);
        }

        public Options withWarmup(Warmup newWarmup, String newWarmupPolicy) {
            return new Options(startIndex, pmCount, protocol, extraPlacements, count, newWarmup, newWarmupPolicy,
                    semantics, cpuCoresPerNuma, memoryGiBPerNuma, doubleThresholdGiB);
        }

        public Options withExtraPlacements(int newExtraPlacements) {
            return new Options(startIndex, pmCount, protocol, newExtraPlacements, count, warmup, warmupPolicy,
                    semantics, cpuCoresPerNuma, memoryGiBPerNuma, doubleThresholdGiB);
        }

        public Options withSemantics(DvampSemantics newSemantics) {
            return new Options(startIndex, pmCount, protocol, extraPlacements, count, warmup, warmupPolicy,
                    newSemantics, cpuCoresPerNuma, memoryGiBPerNuma, doubleThresholdGiB);
        }

        public Options withCapacities(int newCpuCoresPerNuma, int newMemoryGiBPerNuma, int newDoubleThresholdGiB) {
            return new Options(startIndex, pmCount, protocol, extraPlacements, count, warmup, warmupPolicy,
                    semantics, newCpuCoresPerNuma, newMemoryGiBPerNuma, newDoubleThresholdGiB);
        }
    }

    /** One row of a suite's {@code index.csv}. */
    public record SuiteEntry(int episode, int startIndex, String name, int vmCount, Integer firstFitProbePlacements) {
    }

    /** Reads the trace file (see {@link HuaweiTraceReader#read}). */
    public static DvampTrace readTrace(Path traceFile) {
        return HuaweiTraceReader.read(traceFile);
    }

    /** Reads the trace and converts one instance. */
    public static DvampInstance convert(Path traceFile, Options options) {
        return convert(readTrace(traceFile), options);
    }

    /**
     * Converts one instance; bad options raise an {@link InputException} (e.g. {@code start-index
     * 116400 outside 0..116312}). The result has passed {@link Instances#revalidate}.
     */
    public static DvampInstance convert(DvampTrace trace, Options options) {
        checkOptions(trace, options);
        DvampInstance instance = options.protocol() == Protocol.SPANE ? spaneEpisode(trace, options)
                : window(trace, options);
        return Instances.revalidate(DvampProblem.INSTANCE, instance, instance.name());
    }

    /** Converts and writes one instance atomically ({@code .json.gz} is gzipped). */
    public static DvampInstance convertTo(DvampTrace trace, Options options, Path output) {
        DvampInstance instance = convert(trace, options);
        Instances.write(output, DvampProblem.INSTANCE, instance);
        return instance;
    }

    /**
     * A whole suite: one instance per start index of {@code suite}'s file (read beside the trace
     * file), written as {@code DIR/<name>.json}, plus {@code DIR/index.csv}.
     */
    public static List<SuiteEntry> convertSuite(Path traceFile, Suite suite, Options options, Path dir) {
        DvampTrace trace = readTrace(traceFile);
        int[] starts = HuaweiTraceReader.readStartIndices(traceFile.toAbsolutePath().resolveSibling(
                suite.startIndexFile()));
        return convertSuite(trace, starts, options, dir, ".json");
    }

    /**
     * One instance per start index (episode e uses {@code starts[e]}), each written atomically as
     * {@code DIR/<name><suffix>} ({@code suffix} ".json" or ".json.gz"), then {@code DIR/index.csv}
     * ({@code episode,start_index,name,N_vm,ff_probe_len}). Every instance is converted before any
     * file is written, so bad input leaves the directory untouched.
     */
    public static List<SuiteEntry> convertSuite(DvampTrace trace, int[] starts, Options options, Path dir,
                                                String suffix) {
        List<DvampInstance> instances = new ArrayList<>(starts.length);
        List<SuiteEntry> entries = new ArrayList<>(starts.length);
        for (int e = 0; e < starts.length; e++) {
            DvampInstance instance = convert(trace, options.withStartIndex(starts[e]));
            instances.add(instance);
            Integer probe = instance.protocol() == null ? null : instance.protocol().firstFitProbePlacements();
            entries.add(new SuiteEntry(e, starts[e], instance.name(), instance.placementCap(), probe));
        }
        for (DvampInstance instance : instances) {
            Instances.write(dir.resolve(instance.name() + suffix), DvampProblem.INSTANCE, instance);
        }
        AtomicFiles.writeString(dir.resolve(INDEX_FILE), indexCsv(entries));
        return entries;
    }

    /** The text of {@code index.csv}. */
    public static String indexCsv(List<SuiteEntry> entries) {
        StringWriter text = new StringWriter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(INDEX_HEADER.toArray(String[]::new))
                .setRecordSeparator('\n').get();
        try (CSVPrinter printer = new CSVPrinter(text, format)) {
            for (SuiteEntry entry : entries) {
                printer.printRecord(entry.episode(), entry.startIndex(), entry.name(), entry.vmCount(),
                        entry.firstFitProbePlacements() == null ? "" : entry.firstFitProbePlacements());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    // ---- the two protocols ----

    private static DvampInstance spaneEpisode(DvampTrace trace, Options options) {
        SpaneProtocol protocol = spaneProtocol(trace, options);
        SpaneProtocol.Episode episode;
        try {
            episode = protocol.episode(0, options.startIndex());
        } catch (IllegalArgumentException e) {
            throw InputException.usage(e.getMessage());
        }
        int start = options.startIndex();
        int placements = episode.placements();
        String description = String.format(Locale.ROOT, "Huawei-East-1 rows %d..%d, SPANE protocol: first-fit probe "
                        + "%d + %d placements; %s", start, start + placements - 1, episode.probePlacements(),
                options.extraPlacements(), cluster(options));
        return new DvampInstance(baseName(options), description, source(options), options.semantics(),
                options.pmCount(), options.cpuCoresPerNuma(), options.memoryGiBPerNuma(), options.doubleThresholdGiB(),
                true, DvampEpisode.placements(placements),
                new DvampProtocol("spane", (long) start, episode.probePlacements(), options.extraPlacements(), null,
                        null),
                null, List.of(), rows(trace, start, placements));
    }

    private static DvampInstance window(DvampTrace trace, Options options) {
        int start = options.startIndex();
        int count = options.count();
        Integer probe = null;
        int warmupPlacements = 0;
        switch (options.warmup().kind()) {
            case NONE -> {
            }
            case PLACEMENTS -> warmupPlacements = options.warmup().placements();
            case PROBE -> {
                probe = spaneProtocol(trace, options).probe(start);
                warmupPlacements = probe;
            }
        }
        int windowStart = start + warmupPlacements;
        if ((long) windowStart + count > trace.rows()) {
            throw InputException.usage("start-index " + start + (warmupPlacements > 0 ? " + warm-up "
                    + warmupPlacements : "") + " + count " + count + " exceeds the trace (" + trace.rows() + " rows)");
        }
        List<DvampInitialVm> initialVms = List.of();
        Long clock = null;
        String warmupText = "";
        if (warmupPlacements > 0) {
            DvampRun run = warmupRun(trace, options, warmupPlacements);
            clock = run.startSeconds()[warmupPlacements - 1];
            initialVms = stillRunning(trace, options, run, clock);
            warmupText = String.format(Locale.ROOT, " after a %s warm-up of %d placements%s from row %d, with %d "
                            + "VMs still running at t=%d", options.warmupPolicy(), warmupPlacements,
                    probe == null ? "" : " (the first-fit probe length)", start, initialVms.size(), clock);
        }
        String description = String.format(Locale.ROOT, "Huawei-East-1 rows %d..%d, window of %d VMs%s; %s",
                windowStart, windowStart + count - 1, count, warmupText, cluster(options));
        DvampProtocol protocol = new DvampProtocol("window", (long) start, probe, null,
                warmupPlacements > 0 ? warmupPlacements : null, warmupPlacements > 0 ? options.warmupPolicy() : null);
        return new DvampInstance(baseName(options) + "-k" + count, description, source(options), options.semantics(),
                options.pmCount(), options.cpuCoresPerNuma(), options.memoryGiBPerNuma(), options.doubleThresholdGiB(),
                true, DvampEpisode.placements(count), protocol, clock, initialVms, rows(trace, windowStart, count));
    }

    /** The warm-up: the policy places rows S..S+W−1 from an empty cluster under {@code spane}. */
    private static DvampRun warmupRun(DvampTrace trace, Options options, int placements) {
        DvampWorkload workload = DvampWorkload.slice(trace, options.startIndex(), placements, options.pmCount(),
                options.cpuCoresPerNuma(), options.memoryGiBPerNuma(), options.doubleThresholdGiB());
        DvampPolicy policy = DvampPolicies.create(options.warmupPolicy(), 1);
        policy.beginEpisode(workload, 0);
        return new DvampSimulator(workload).run(policy, DvampSemantics.SPANE, true,
                DvampEpisode.placements(placements), DvampObserver.NONE);
    }

    /**
     * The warm-up VMs still running at the clock of the last warm-up placement (end > clock): at
     * every decision the simulator has released exactly the VMs that ended by then (§5 S7), so
     * these are its running VMs, with their nodes, in placement order.
     */
    private static List<DvampInitialVm> stillRunning(DvampTrace trace, Options options, DvampRun run, long clock) {
        List<DvampInitialVm> running = new ArrayList<>();
        for (int j = 0; j < run.placedCount(); j++) {
            int row = options.startIndex() + j;
            long end = run.startSeconds()[j] + trace.lifetimeSeconds(row);
            if (end <= clock) {
                continue;
            }
            int action = run.actions()[j];
            boolean isDouble = trace.memoryGiB(row) > options.doubleThresholdGiB();
            running.add(new DvampInitialVm(Integer.toString(row), trace.cpuCores(row), trace.memoryGiB(row),
                    action >> 1, isDouble ? null : action & 1, end));
        }
        return running;
    }

    // ---- helpers ----

    private static void checkOptions(DvampTrace trace, Options options) {
        int last = trace.rows() - 1;
        if (options.startIndex() < 0 || options.startIndex() > last) {
            throw InputException.usage("start-index " + options.startIndex() + " outside 0.." + last);
        }
        if (options.pmCount() < 1) {
            throw InputException.usage("--pms must be >= 1 (found " + options.pmCount() + ")");
        }
        if (options.cpuCoresPerNuma() < 1 || options.memoryGiBPerNuma() < 1 || options.doubleThresholdGiB() < 0) {
            throw InputException.usage("--cpu-per-numa and --mem-per-numa must be >= 1 and --double-threshold >= 0");
        }
        if (options.protocol() == Protocol.SPANE) {
            if (options.extraPlacements() < 0) {
                throw InputException.usage("--extra must be >= 0 (found " + options.extraPlacements() + ")");
            }
            if (options.count() != null || options.warmup().kind() != Warmup.Kind.NONE) {
                throw InputException.usage("--count and --warmup need --protocol window");
            }
            return;
        }
        if (options.count() == null || options.count() < 1) {
            throw InputException.usage("--protocol window needs --count K >= 1");
        }
        if (options.warmup().kind() != Warmup.Kind.NONE) {
            if (options.semantics() != DvampSemantics.SPANE) {
                throw InputException.usage("--warmup needs --semantics spane (initialVms are a spane feature)");
            }
            DvampPolicies.create(options.warmupPolicy(), 1);
        }
    }

    private static SpaneProtocol spaneProtocol(DvampTrace trace, Options options) {
        return new SpaneProtocol(trace, options.pmCount(), options.cpuCoresPerNuma(), options.memoryGiBPerNuma(),
                options.doubleThresholdGiB(), options.extraPlacements());
    }

    private static List<DvampVm> rows(DvampTrace trace, int start, int count) {
        List<DvampVm> vms = new ArrayList<>(count);
        for (int row = start; row < start + count; row++) {
            vms.add(new DvampVm(Integer.toString(row), trace.cpuCores(row), trace.memoryGiB(row),
                    trace.arrivalSeconds(row), trace.lifetimeSeconds(row)));
        }
        return vms;
    }

    private static String baseName(Options options) {
        return "huawei-east-1-n" + options.pmCount() + "-start" + options.startIndex();
    }

    private static String cluster(Options options) {
        return String.format(Locale.ROOT, "%d PMs of 2 NUMA nodes with %d cores / %d GiB each, double VMs above %d GiB",
                options.pmCount(), options.cpuCoresPerNuma(), options.memoryGiBPerNuma(),
                options.doubleThresholdGiB());
    }

    /** {@code source.converter}: the command line that reproduces the instance. */
    private static Source source(Options options) {
        StringBuilder command = new StringBuilder(CONVERTER);
        command.append(" --start-index ").append(options.startIndex()).append(" --pms ").append(options.pmCount())
                .append(" --protocol ").append(options.protocol().cliName());
        if (options.protocol() == Protocol.SPANE) {
            command.append(" --extra ").append(options.extraPlacements());
        } else {
            command.append(" --count ").append(options.count());
            if (options.warmup().kind() != Warmup.Kind.NONE) {
                command.append(" --warmup ").append(options.warmup()).append(" --warmup-policy ")
                        .append(options.warmupPolicy());
            }
        }
        command.append(" --semantics ").append(options.semantics().json())
                .append(" --cpu-per-numa ").append(options.cpuCoresPerNuma())
                .append(" --mem-per-numa ").append(options.memoryGiBPerNuma())
                .append(" --double-threshold ").append(options.doubleThresholdGiB());
        return new Source(DATASET, command.toString(), null, null);
    }
}
