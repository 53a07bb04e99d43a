package io.cloudopt.instances;

import io.cloudopt.model.common.InputError;
import io.cloudopt.model.common.InputException;
import io.cloudopt.model.common.Instances;
import io.cloudopt.model.common.LoadedInstance;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The sample instances bundled in this module ({@code io/cloudopt/instances/samples/<problem>/}),
 * each with its reference value from the directory's {@code expected.csv}
 * ({@code name,status,objective}, status {@code opt} = proven optimum, {@code best} = best known) when
 * it has one; the provisioning sample has none, since no solver has established a value for it yet.
 * Samples are read through {@link Instances}, so they are validated like any user file.
 */
public final class Samples {
    private static final String ROOT = "/io/cloudopt/instances/samples/";
    private static final Map<String, List<String>> FILES = Map.of("dvamp", List.of("example-1pm.json",
            "huawei-east-1-n5-start94228-k15.json", "dvamp-gen-n30-m1-seed34.json"),
            "rescheduling", List.of("vmr2l-reset_vm_pm0-k5-pms20.json"),
            "workflow", List.of("toy-fork.json"),
            "provisioning", List.of("branchynet-resnet110.json"));

    private Samples() {
    }

    /**
     * One bundled sample.
     *
     * @param problem  the problem id, e.g. "dvamp"
     * @param fileName the resource's file name, e.g. "example-1pm.json"
     */
    public record Sample(String problem, String fileName) {
        /** The class-path resource name. */
        public String resource() {
            return ROOT + problem + "/" + fileName;
        }
    }

    /** A reference value of {@code expected.csv}. */
    public record Reference(String name, String status, double objective) {
        public boolean proven() {
            return status.equals("opt");
        }
    }

    /** The problems that have bundled samples, sorted. */
    public static List<String> problems() {
        return FILES.keySet().stream().sorted().toList();
    }

    /** The samples of {@code problem}, in a fixed order (smallest first); empty for an unknown problem. */
    public static List<Sample> list(String problem) {
        return FILES.getOrDefault(problem, List.of()).stream().map(file -> new Sample(problem, file)).toList();
    }

    /** Every bundled sample. */
    public static List<Sample> list() {
        return problems().stream().flatMap(problem -> list(problem).stream()).toList();
    }

    /** The sample of {@code problem} whose file name (with or without {@code .json}) is {@code name}. */
    public static Optional<Sample> find(String problem, String name) {
        return list(problem).stream()
                .filter(sample -> sample.fileName().equals(name) || sample.fileName().equals(name + ".json"))
                .findFirst();
    }

    /** Reads and validates a sample (schema and semantic checks, as for any instance file). */
    public static LoadedInstance<?> read(Sample sample) {
        return Instances.read(path(sample.resource()));
    }

    /** The stored bytes of a sample, e.g. to copy it next to the user's files. */
    public static byte[] bytes(Sample sample) {
        try (InputStream in = open(sample.resource())) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reference values of {@code problem}'s samples by instance name, in file order. */
    public static Map<String, Reference> references(String problem) {
        Map<String, Reference> references = new LinkedHashMap<>();
        String resource = ROOT + problem + "/expected.csv";
        if (!FILES.containsKey(problem) || Samples.class.getResource(resource) == null) {
            return references;
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(resource),
                StandardCharsets.UTF_8))) {
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
            for (CSVRecord record : format.parse(reader)) {
                String status = record.get("status");
                if (!status.equals("opt") && !status.equals("best")) {
                    throw new IllegalStateException(resource + " line " + (record.getRecordNumber() + 1)
                            + ": status must be opt or best");
                }
                references.put(record.get("name"), new Reference(record.get("name"), status,
                        Double.parseDouble(record.get("objective"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return references;
    }

    private static InputStream open(String resource) {
        InputStream in = Samples.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing bundled resource " + resource);
        }
        return in;
    }

    /** A path to a class-path resource, opening the enclosing jar as a file system when needed. */
    private static synchronized Path path(String resource) {
        URL url = Samples.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("Missing bundled resource " + resource);
        }
        try {
            URI uri = url.toURI();
            if (!uri.getScheme().equals("jar")) {
                return Path.of(uri);
            }
            try {
                FileSystems.getFileSystem(uri);
            } catch (FileSystemNotFoundException e) {
                FileSystems.newFileSystem(uri, Map.of());
            }
            return Path.of(uri);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Bad resource URL " + url, e);
        } catch (IOException e) {
            throw new InputException("Instance", resource, new InputError("", "cannot open the bundled sample: "
                    + e.getMessage()));
        }
    }
}
