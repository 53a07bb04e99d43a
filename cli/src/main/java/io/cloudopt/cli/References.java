package io.cloudopt.cli;

import io.cloudopt.model.common.InputError;
import io.cloudopt.model.common.InputException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A reference file ({@code name,status,value}, MIPLIB {@code .solu} style: status opt, best or inf;
 * DESIGN §4): the values that {@code gapVsReference} compares against. {@code inf} rows carry no value.
 */
final class References {
    static final String KIND = "Reference";

    private References() {
    }

    static Map<String, Double> read(Path file) {
        Map<String, Double> values = new LinkedHashMap<>();
        List<InputError> errors = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
            for (CSVRecord record : format.parse(reader)) {
                long line = record.getRecordNumber() + 1;
                if (!record.isConsistent() || !record.isMapped("name") || !record.isMapped("status")
                        || !record.isMapped("value")) {
                    errors.add(InputError.line(line, "expected columns name,status,value"));
                    continue;
                }
                String status = record.get("status");
                switch (status) {
                    case "opt", "best" -> {
                        try {
                            values.put(record.get("name"), Double.parseDouble(record.get("value")));
                        } catch (NumberFormatException e) {
                            errors.add(InputError.line(line, "value \"%s\" is not a number", record.get("value")));
                        }
                    }
                    case "inf" -> {
                    }
                    default -> errors.add(InputError.line(line, "status must be opt, best or inf (found \"%s\")",
                            status));
                }
            }
        } catch (NoSuchFileException e) {
            throw new InputException(KIND, file.toString(), new InputError("", "no such file"));
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new InputException(KIND, file.toString(), new InputError("", "malformed CSV: " + e.getMessage()));
        }
        if (!errors.isEmpty()) {
            throw new InputException(KIND, file.toString(), errors);
        }
        return values;
    }
}
