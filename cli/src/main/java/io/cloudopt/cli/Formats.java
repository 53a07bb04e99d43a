package io.cloudopt.cli;

import java.util.Locale;

/** Number formatting for tables (fractions are printed as percentages only here). */
final class Formats {
    private Formats() {
    }

    static String number(Double value) {
        if (value == null) {
            return "-";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%d", value.longValue());
        }
        return String.format(Locale.ROOT, "%.6g", value);
    }

    static String percent(Double fraction) {
        return fraction == null ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }

    static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.2f s", seconds);
    }
}
