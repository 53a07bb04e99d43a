package io.cloudopt.model.common;

/** Gap arithmetic exactly as DESIGN §4 defines it. Fractions, never percentages. */
public final class Gaps {
    /** Below this absolute gap the relative gap is 0. */
    public static final double ZERO_GAP = 1e-9;

    private Gaps() {
    }

    /** |objective − bound|, or null when either is missing. */
    public static Double absGap(Double objective, Double bound) {
        if (objective == null || bound == null) {
            return null;
        }
        return Math.abs(objective - bound);
    }

    /**
     * absGap / max(|objective|, |bound|); 0 when absGap ≤ 1e-9; 1 when a value is missing or the
     * signs differ.
     */
    public static double relGap(Double objective, Double bound) {
        if (objective == null || bound == null || objective.isNaN() || bound.isNaN()) {
            return 1.0;
        }
        double abs = Math.abs(objective - bound);
        if (abs <= ZERO_GAP) {
            return 0.0;
        }
        if (Math.signum(objective) * Math.signum(bound) < 0) {
            return 1.0;
        }
        return abs / Math.max(Math.abs(objective), Math.abs(bound));
    }

    /** (objective − reference) / |reference|; null when either is missing or the reference is 0 and they differ. */
    public static Double gapVsReference(Double objective, Double reference) {
        if (objective == null || reference == null) {
            return null;
        }
        double diff = objective - reference;
        if (Math.abs(diff) <= ZERO_GAP) {
            return 0.0;
        }
        if (reference == 0.0) {
            return null;
        }
        return diff / Math.abs(reference);
    }
}
