package io.cloudopt.instances.workflow;

import io.cloudopt.model.common.InputError;
import io.cloudopt.model.common.InputException;
import io.cloudopt.model.common.Instances;
import io.cloudopt.model.common.Source;
import io.cloudopt.model.workflow.Workflow;
import io.cloudopt.model.workflow.WorkflowInstance;
import io.cloudopt.model.workflow.WorkflowPenalty;
import io.cloudopt.model.workflow.WorkflowProblem;
import io.cloudopt.model.workflow.WorkflowVmType;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The GATES test instances ({@code gates_test_instances_{S,M,L}.csv}, problems/workflow.md §11):
 * one row per workflow, the DAX files of the size, arrivals already shifted by the original's
 * quirk (rule 1), which the converter checks.
 */
public final class GatesTestConverter {
    static final String KIND = "GATES test-instance table";
    public static final List<String> HEADER = List.of("instance", "workflow_index", "app_type_index", "app_name",
            "dax_file", "sampled_time_seconds", "effective_arrival_seconds");
    public static final List<String> APPLICATIONS = List.of("CyberShake", "Montage", "Inspiral", "Sipht");
    public static final Map<String, List<String>> DAX_BY_SIZE = Map.of(
            "S", List.of("CyberShake_30.xml", "Montage_25.xml", "Inspiral_30.xml", "Sipht_30.xml"),
            "M", List.of("CyberShake_50.xml", "Montage_50.xml", "Inspiral_50.xml", "Sipht_60.xml"),
            "L", List.of("CyberShake_100.xml", "Montage_100.xml", "Inspiral_100.xml", "Sipht_100.xml"));

    /** The six GATES VM types (m5 names; 0.048 $ per vCPU-hour; hourly billing). */
    public static final List<WorkflowVmType> GATES_VM_TYPES = List.of(
            new WorkflowVmType("m5.large", 2, 0.096, 3600), new WorkflowVmType("m5.xlarge", 4, 0.192, 3600),
            new WorkflowVmType("m5.2xlarge", 8, 0.384, 3600), new WorkflowVmType("m5.4xlarge", 16, 0.768, 3600),
            new WorkflowVmType("m5.8xlarge", 32, 1.536, 3600), new WorkflowVmType("m5.12xlarge", 48, 2.304, 3600));
    public static final WorkflowPenalty GATES_PENALTY = new WorkflowPenalty(1.0, 2.0);
    public static final int REFERENCE_VCPUS = 16;

    private GatesTestConverter() {
    }

    /** The rows of one table, checked, by instance number. */
    public record Table(Path file, String size, Map<Integer, List<Row>> instances) {
    }

    /** One workflow row. */
    public record Row(long line, int workflowIndex, int appTypeIndex, String appName, String daxFile,
                      double sampledSeconds, double effectiveArrivalSeconds) {
    }

    /** Reads and checks the whole table; the size comes from the file name's last letter before .csv. */
    public static Table read(Path file) {
        String name = file.getFileName().toString();
        String size = name.replaceFirst("(?i)^.*_([SML])\\.csv$", "$1").toUpperCase(Locale.ROOT);
        if (!DAX_BY_SIZE.containsKey(size)) {
            throw new InputException(KIND, file.toString(), new InputError("", "cannot tell the size (S, M or L) "
                    + "from the file name; expected gates_test_instances_<S|M|L>.csv"));
        }
        List<InputError> errors = new ArrayList<>();
        Map<Integer, List<Row>> instances = new TreeMap<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CSVFormat format = CSVFormat.DEFAULT.builder().setTrim(true).get();
            boolean first = true;
            for (CSVRecord record : format.parse(reader)) {
                long line = record.getRecordNumber();
                if (first) {
                    first = false;
                    if (!record.toList().equals(HEADER)) {
                        throw new InputException(KIND, file.toString(), InputError.line(1, "expected columns %s",
                                String.join(",", HEADER)));
                    }
                    continue;
                }
                if (record.size() != HEADER.size()) {
                    errors.add(InputError.line(line, "expected %d columns, found %d", HEADER.size(), record.size()));
                    continue;
                }
                Row row = row(record, line, size, errors);
                if (row != null) {
                    int instance = Integer.parseInt(record.get(0));
                    instances.computeIfAbsent(instance, k -> new ArrayList<>()).add(row);
                }
            }
        } catch (NoSuchFileException e) {
            throw new InputException(KIND, file.toString(), new InputError("", "no such file"));
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InputException(KIND, file.toString(), new InputError("", "cannot read: " + e.getMessage()));
        }
        for (Map.Entry<Integer, List<Row>> entry : instances.entrySet()) {
            checkInstance(entry.getValue(), errors);
        }
        if (!errors.isEmpty()) {
            throw new InputException(KIND, file.toString(), errors);
        }
        return new Table(file, size, instances);
    }

    private static Row row(CSVRecord record, long line, String size, List<InputError> errors) {
        try {
            int instance = Integer.parseInt(record.get(0));
            int index = Integer.parseInt(record.get(1));
            int app = Integer.parseInt(record.get(2));
            if (instance < 0 || index < 0) {
                errors.add(InputError.line(line, "instance and workflow_index must be >= 0"));
                return null;
            }
            if (app < 0 || app > 3) {
                errors.add(InputError.line(line, "app_type_index %d outside 0..3", app));
                return null;
            }
            String appName = record.get(3);
            String dax = record.get(4);
            if (!APPLICATIONS.get(app).equals(appName)) {
                errors.add(InputError.line(line, "app_name %s does not match app_type_index %d (%s)", appName, app,
                        APPLICATIONS.get(app)));
                return null;
            }
            if (!DAX_BY_SIZE.get(size).get(app).equals(dax)) {
                errors.add(InputError.line(line, "dax_file %s is not the size-%s file of %s (%s)", dax, size, appName,
                        DAX_BY_SIZE.get(size).get(app)));
                return null;
            }
            double sampled = Double.parseDouble(record.get(5));
            double effective = Double.parseDouble(record.get(6));
            if (!Double.isFinite(sampled) || !Double.isFinite(effective) || sampled < 0 || effective < 0) {
                errors.add(InputError.line(line, "times must be finite and >= 0"));
                return null;
            }
            return new Row(line, index, app, appName, dax, sampled, effective);
        } catch (NumberFormatException e) {
            errors.add(InputError.line(line, "not a number: %s", e.getMessage()));
            return null;
        }
    }

    /** Indices 0..n−1 without gaps; effective[0] = 0 and effective[k] = sampled[k−1] (rule 1). */
    private static void checkInstance(List<Row> rows, List<InputError> errors) {
        rows.sort(java.util.Comparator.comparingInt(Row::workflowIndex));
        for (int k = 0; k < rows.size(); k++) {
            Row row = rows.get(k);
            if (row.workflowIndex() != k) {
                errors.add(InputError.line(row.line(), "workflow_index %d: expected %d (indices 0..%d, no gaps or "
                        + "duplicates)", row.workflowIndex(), k, rows.size() - 1));
                return;
            }
            double expected = k == 0 ? 0.0 : rows.get(k - 1).sampledSeconds();
            if (row.effectiveArrivalSeconds() != expected) {
                errors.add(InputError.line(row.line(), "effective_arrival_seconds %s != %s", plain(row.effectiveArrivalSeconds()),
                        k == 0 ? "0 for workflow 0" : "sampled_time_seconds of workflow " + (k - 1) + " ("
                                + plain(expected) + ")"));
            }
        }
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * Instance N of the table with deadline factor γ; DAX files from {@code daxDir}, each parsed
     * once through {@code cache}.
     */
    public static WorkflowInstance convert(Table table, int instance, double gamma, Path daxDir,
                                           Map<String, Workflow> cache) {
        List<Row> rows = table.instances().get(instance);
        if (rows == null) {
            throw InputException.usage("no rows for instance " + instance + " in " + table.file());
        }
        if (!(gamma > 0) || !Double.isFinite(gamma)) {
            throw InputException.usage("--gamma must be > 0 (got " + gamma + ")");
        }
        List<Workflow> workflows = new ArrayList<>();
        for (Row row : rows) {
            Workflow dax = cache.computeIfAbsent(row.daxFile(),
                    file -> DaxReader.read(daxDir.resolve(file), "dax", row.appName(), 0.0));
            workflows.add(new Workflow("w" + row.workflowIndex(), row.appName(), row.effectiveArrivalSeconds(), null,
                    dax.tasks()));
        }
        String name = "gates-" + table.size() + "-" + instance + "-g" + BigDecimal.valueOf(gamma).stripTrailingZeros()
                .toPlainString();
        WorkflowInstance converted = new WorkflowInstance(name, "GATES test instance " + instance + " of size "
                + table.size() + " (" + rows.size() + " workflows), deadline factor " + gamma,
                new Source("GATES test set (seed 42) with Pegasus DAX files", "cloudopt convert gates-test", null, null),
                WorkflowInstance.GATES, GATES_VM_TYPES, REFERENCE_VCPUS, GATES_PENALTY, gamma, workflows);
        return converted;
    }

    /** Every instance of the table, in instance order. */
    public static List<WorkflowInstance> convertAll(Table table, double gamma, Path daxDir) {
        Map<String, Workflow> cache = new HashMap<>();
        List<WorkflowInstance> instances = new ArrayList<>();
        for (int instance : table.instances().keySet()) {
            instances.add(convert(table, instance, gamma, daxDir, cache));
        }
        return instances;
    }

    /** Validates a converted instance like a file read (schema and rules). */
    public static WorkflowInstance validated(WorkflowInstance instance) {
        return Instances.revalidate(WorkflowProblem.INSTANCE, instance, instance.name());
    }
}
