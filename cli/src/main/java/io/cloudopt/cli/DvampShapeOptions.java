package io.cloudopt.cli;

import io.cloudopt.model.dvamp.DvampSemantics;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The dvamp machine shape (problems/dvamp.md §2) as command-line options, shared by the commands that cut episodes. */
final class DvampShapeOptions {
    @Option(names = "--cpu-per-numa", defaultValue = "40", description = "dvamp: cores per NUMA node (default: ${DEFAULT-VALUE}).")
    int cpuPerNuma;

    @Option(names = "--mem-per-numa", defaultValue = "90", description = "dvamp: GiB per NUMA node (default: ${DEFAULT-VALUE}).")
    int memPerNuma;

    @Option(names = "--double-threshold", defaultValue = "10",
            description = "dvamp: a VM with more GiB than this is double-NUMA (default: ${DEFAULT-VALUE}).")
    int doubleThreshold;

    /** Parses {@code --semantics}: spane or vmagent. */
    static final class SemanticsConverter implements CommandLine.ITypeConverter<DvampSemantics> {
        @Override
        public DvampSemantics convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "spane" -> DvampSemantics.SPANE;
                case "vmagent" -> DvampSemantics.VMAGENT;
                default -> throw new CommandLine.TypeConversionException("must be spane or vmagent (got " + value + ")");
            };
        }
    }
}
