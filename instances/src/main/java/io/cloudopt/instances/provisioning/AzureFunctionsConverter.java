package io.cloudopt.instances.provisioning;

import io.cloudopt.model.common.InputError;
import io.cloudopt.model.common.InputException;
import io.cloudopt.model.common.Instances;
import io.cloudopt.model.common.Source;
import io.cloudopt.model.provisioning.ProvisioningInstance;
import io.cloudopt.model.provisioning.ProvisioningProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Azure Functions 2019 per-minute invocation counts ({@code invocations_per_function_md.anon.dNN.csv},
 * CC-BY 4.0; Shahrad et al., "Serverless in the Wild", USENIX ATC 2020) to a provisioning instance with
 * {@code per-minute} arrivals (problems/provisioning.md §11). Header
 * {@code HashOwner,HashApp,HashFunction,Trigger,1,…,1440}; one row per function. The chosen row is
 * scaled so that the day's mean rate is {@code meanPerSecond}; every other field is the reference
 * instance's.
 */
public final class AzureFunctionsConverter {
    public static final String DATASET = "Azure Functions 2019 (CC-BY 4.0; Shahrad et al., ATC 2020)";
    public static final String CONVERTER = "cloudopt convert azure-functions-2019";
    static final int MINUTES = 1440;
    static final int KEY_COLUMNS = 4;
    private static final String KIND = "Trace";

    private AzureFunctionsConverter() {
    }

    /**
     * @param function      the HashFunction to take, or null for the {@code http} row with the largest
     *                      total (ties: the smaller HashFunction)
     * @param meanPerSecond the day's mean rate after scaling (reference 50)
     */
    public record Options(String function, double meanPerSecond, boolean bursts, int periodSeconds, long seed) {
        public Options {
            if (!(meanPerSecond > 0) || !Double.isFinite(meanPerSecond)) {
                throw InputException.usage("--mean-rps must be > 0 (got " + meanPerSecond + ")");
            }
            if (periodSeconds != 60 && periodSeconds != 300) {
                throw InputException.usage("--period must be 60 or 300 (got " + periodSeconds + ")");
            }
        }

        public static Options defaults() {
            return new Options(null, 50, true, 300, 1);
        }
    }

    /** One function's row of the trace. */
    public record Row(String hashFunction, String trigger, long[] counts) {
        public long total() {
            long total = 0;
            for (long count : counts) {
                total += count;
            }
            return total;
        }
    }

    /** Reads every row, checking the header, the row lengths and the counts ({@code FILE line N: …}). */
    public static List<Row> read(Path file) {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            checkHeader(file, header);
            String line;
            long lineNumber = 1;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (fields.length < KEY_COLUMNS + MINUTES) {
                    throw error(file, InputError.line(lineNumber, "the row has %d fields, expected %d",
                            fields.length, KEY_COLUMNS + MINUTES));
                }
                long[] counts = new long[MINUTES];
                for (int minute = 0; minute < MINUTES; minute++) {
                    String text = fields[KEY_COLUMNS + minute].trim();
                    try {
                        counts[minute] = Long.parseLong(text);
                    } catch (NumberFormatException e) {
                        throw error(file, InputError.line(lineNumber, "count \"%s\" of minute %d is not an integer",
                                text, minute + 1));
                    }
                    if (counts[minute] < 0) {
                        throw error(file, InputError.line(lineNumber, "count %d of minute %d must be ≥ 0",
                                counts[minute], minute + 1));
                    }
                }
                rows.add(new Row(fields[2], fields[3], counts));
            }
        } catch (NoSuchFileException e) {
            throw error(file, new InputError("", "no such file"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rows.isEmpty()) {
            throw error(file, new InputError("", "no function rows"));
        }
        return rows;
    }

    /** The instance of {@code options.function()} (or the default row) of the trace. */
    public static ProvisioningInstance convert(Path file, Options options) {
        List<Row> rows = read(file);
        Row chosen = null;
        for (Row row : rows) {
            if (options.function() != null) {
                if (row.hashFunction().equals(options.function())) {
                    chosen = row;
                    break;
                }
            } else if (row.trigger().equals("http") && (chosen == null || row.total() > chosen.total()
                    || (row.total() == chosen.total() && row.hashFunction().compareTo(chosen.hashFunction()) < 0))) {
                chosen = row;
            }
        }
        if (chosen == null) {
            throw error(file, new InputError("", options.function() == null ? "no row with Trigger http"
                    : "no row with HashFunction " + options.function()));
        }
        if (chosen.total() == 0) {
            throw error(file, new InputError("", "function " + chosen.hashFunction() + " has no invocations"));
        }
        double scale = options.meanPerSecond() * MINUTES * 60 / chosen.total();
        List<Double> countsPerMinute = new ArrayList<>(MINUTES);
        for (long count : chosen.counts()) {
            countsPerMinute.add(count * scale);
        }
        ProvisioningInstance reference = ProvisioningGenerator.reference();
        ProvisioningInstance.Burst burst = options.bursts() ? reference.arrivals().burst() : null;
        String name = "azure-functions-2019-" + chosen.hashFunction().substring(0, Math.min(12,
                chosen.hashFunction().length()));
        ProvisioningInstance instance = new ProvisioningInstance(name, "Azure Functions 2019 function "
                + chosen.hashFunction() + " scaled to a mean of " + options.meanPerSecond() + " req/s, "
                + "with the stages, prices and SLO of " + ProvisioningGenerator.REFERENCE_NAME,
                new Source(DATASET, CONVERTER, null, null), reference.horizonSeconds(), options.periodSeconds(),
                reference.stages(), reference.faas(), reference.vmTypes(), reference.vmColdStartSeconds(),
                reference.vmMinBillingSeconds(), reference.transferMs(), reference.slo(),
                ProvisioningInstance.Arrivals.perMinute(countsPerMinute, burst),
                new ProvisioningInstance.Simulation(options.seed(), reference.simulation().vmQueueGuardPerWorker()));
        return Instances.revalidate(ProvisioningProblem.INSTANCE, instance, file.toString());
    }

    private static void checkHeader(Path file, String header) {
        if (header == null) {
            throw error(file, new InputError("", "empty file (expected the header HashOwner,HashApp,HashFunction,"
                    + "Trigger,1,…,1440)"));
        }
        String[] names = header.split(",", -1);
        String[] keys = {"HashOwner", "HashApp", "HashFunction", "Trigger"};
        for (int c = 0; c < KEY_COLUMNS; c++) {
            if (names.length <= c || !names[c].trim().equals(keys[c])) {
                throw error(file, InputError.line(1, "missing column %s (column %d)", keys[c], c + 1));
            }
        }
        for (int minute = 1; minute <= MINUTES; minute++) {
            int c = KEY_COLUMNS + minute - 1;
            if (names.length <= c || !names[c].trim().equals(Integer.toString(minute))) {
                throw error(file, InputError.line(1, "missing column %d (column %d)", minute, c + 1));
            }
        }
    }

    private static InputException error(Path file, InputError error) {
        return new InputException(KIND, file.toString(), error);
    }
}
