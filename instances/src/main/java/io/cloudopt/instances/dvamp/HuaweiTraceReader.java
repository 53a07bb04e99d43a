package io.cloudopt.instances.dvamp;

import io.cloudopt.model.common.InputError;
import io.cloudopt.model.common.InputException;
import io.cloudopt.model.dvamp.DvampTrace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the Huawei-East-1 lifetime file ({@code vmid,cpu,mem,at,lt}; problems/dvamp.md §11) and
 * the SPANE start-index files ({@code start_index}). {@code at} and {@code lt} are written as
 * floats but must be whole; {@code vmid} must be the row index (0 for the first row after the
 * header), so a VM's id in a converted instance is its row number; errors name the file's line.
 */
public final class HuaweiTraceReader {
    public static final String HEADER = "vmid,cpu,mem,at,lt";
    private static final String KIND = "Trace";

    private HuaweiTraceReader() {
    }

    public static DvampTrace read(Path file) {
        int capacity = 1 << 17;
        int[] cpu = new int[capacity];
        int[] mem = new int[capacity];
        long[] at = new long[capacity];
        long[] lt = new long[capacity];
        int rows = 0;
        List<InputError> errors = new ArrayList<>();
        try (BufferedReader reader = open(file, KIND)) {
            String header = reader.readLine();
            if (header == null || !header.strip().equals(HEADER)) {
                throw new InputException(KIND, file.toString(), InputError.line(1, "expected header " + HEADER));
            }
            try (CSVParser parser = CSVFormat.DEFAULT.builder().setTrim(true).get().parse(reader)) {
                long previousArrival = Long.MIN_VALUE;
                for (CSVRecord record : parser) {
                    long line = record.getRecordNumber() + 1;
                    if (record.size() != 5) {
                        errors.add(InputError.line(line, "expected 5 fields (%s), found %d", HEADER, record.size()));
                        continue;
                    }
                    if (rows == cpu.length) {
                        capacity *= 2;
                        cpu = Arrays.copyOf(cpu, capacity);
                        mem = Arrays.copyOf(mem, capacity);
                        at = Arrays.copyOf(at, capacity);
                        lt = Arrays.copyOf(lt, capacity);
                    }
                    if (!record.get(0).equals(Integer.toString(rows))) {
                        errors.add(InputError.line(line, "vmid must equal the row index %d (rows numbered 0..n-1)",
                                rows));
                    }
                    Integer cores = positiveInt(record.get(1));
                    Integer memory = positiveInt(record.get(2));
                    Long arrival = whole(record.get(3), 0);
                    Long lifetime = whole(record.get(4), 1);
                    if (cores == null) {
                        errors.add(InputError.line(line, "cpu must be an integer >= 1"));
                    }
                    if (memory == null) {
                        errors.add(InputError.line(line, "mem must be an integer >= 1"));
                    }
                    if (arrival == null) {
                        errors.add(InputError.line(line, "at must be a whole number >= 0"));
                    } else if (arrival < previousArrival) {
                        errors.add(InputError.line(line, "at %d < previous %d (rows must be in arrival order)",
                                arrival, previousArrival));
                    }
                    if (lifetime == null) {
                        errors.add(InputError.line(line, "lt must be a whole number >= 1"));
                    }
                    if (errors.size() >= 20) {
                        break;
                    }
                    if (cores != null && memory != null && arrival != null && lifetime != null) {
                        cpu[rows] = cores;
                        mem[rows] = memory;
                        at[rows] = arrival;
                        lt[rows] = lifetime;
                        previousArrival = Math.max(previousArrival, arrival);
                    }
                    rows++;
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                errors.add(new InputError("", "malformed CSV: " + e.getMessage()));
            }
        } catch (IOException e) {
            throw new InputException(KIND, file.toString(), new InputError("", "cannot read: " + e.getMessage()));
        }
        if (errors.isEmpty() && rows == 0) {
            errors.add(InputError.line(2, "no rows after the header"));
        }
        if (!errors.isEmpty()) {
            throw new InputException(KIND, file.toString(), errors);
        }
        return new DvampTrace(Arrays.copyOf(cpu, rows), Arrays.copyOf(mem, rows), Arrays.copyOf(at, rows),
                Arrays.copyOf(lt, rows));
    }

    /** The {@code start_index} column of a SPANE start-index file. */
    public static int[] readStartIndices(Path file) {
        String kind = "Start-index";
        List<InputError> errors = new ArrayList<>();
        int[] values = new int[1024];
        int count = 0;
        try (BufferedReader reader = open(file, kind)) {
            String header = reader.readLine();
            if (header == null || !header.strip().equals("start_index")) {
                throw new InputException(kind, file.toString(), InputError.line(1, "expected header start_index"));
            }
            String text;
            long line = 1;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                Long value = whole(text.strip(), 0);
                if (value == null || value > Integer.MAX_VALUE) {
                    errors.add(InputError.line(line, "start_index must be a whole number >= 0"));
                    continue;
                }
                if (count == values.length) {
                    values = Arrays.copyOf(values, count * 2);
                }
                values[count++] = value.intValue();
            }
        } catch (IOException e) {
            throw new InputException(kind, file.toString(), new InputError("", "cannot read: " + e.getMessage()));
        }
        if (errors.isEmpty() && count == 0) {
            errors.add(InputError.line(2, "no start indices after the header"));
        }
        if (!errors.isEmpty()) {
            throw new InputException(kind, file.toString(), errors);
        }
        return Arrays.copyOf(values, count);
    }

    private static BufferedReader open(Path file, String kind) {
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(kind, file.toString(), new InputError("", "no such file"));
        } catch (IOException e) {
            throw new InputException(kind, file.toString(), new InputError("", "cannot read: " + e.getMessage()));
        }
    }

    private static Integer positiveInt(String text) {
        try {
            int value = Integer.parseInt(text);
            return value >= 1 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A whole number written as an integer or a float ("194.0"); null if fractional, not finite or below min. */
    private static Long whole(String text, long min) {
        try {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value) || value != Math.rint(value) || value < min || value > 9.0e15) {
                return null;
            }
            return (long) value;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
