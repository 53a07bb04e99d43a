package io.cloudopt.cli;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;

/** Parses "60s", "500ms", "2m", "1h" or a plain number of seconds. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        try {
            Duration duration;
            if (text.endsWith("ms")) {
                duration = Duration.ofMillis(Math.round(Double.parseDouble(text.substring(0, text.length() - 2))));
            } else if (text.endsWith("s")) {
                duration = seconds(Double.parseDouble(text.substring(0, text.length() - 1)));
            } else if (text.endsWith("m")) {
                duration = seconds(60 * Double.parseDouble(text.substring(0, text.length() - 1)));
            } else if (text.endsWith("h")) {
                duration = seconds(3600 * Double.parseDouble(text.substring(0, text.length() - 1)));
            } else {
                duration = seconds(Double.parseDouble(text));
            }
            if (duration.isNegative() || duration.isZero()) {
                throw new CommandLine.TypeConversionException("must be positive: '" + value + "'");
            }
            return duration;
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration (e.g. 60s, 500ms, 2m)");
        }
    }

    private static Duration seconds(double seconds) {
        if (!Double.isFinite(seconds)) {
            throw new NumberFormatException();
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }
}
