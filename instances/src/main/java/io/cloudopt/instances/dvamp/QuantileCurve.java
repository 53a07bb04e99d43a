package io.cloudopt.instances.dvamp;

/**
 * A distribution given by its quantile function: knots (u_k, q_k) with q_k > 0, interpolated
 * log-linearly between knots, except the last segment, which is bent by an exponent γ ≥ 1:
 * Q(u) = q_{K−1} · (q_K / q_{K−1})^(s^γ), s the position inside the segment (γ = 1 is log-linear,
 * larger γ keeps most of the segment near its lower knot while still reaching q_K at u = 1).
 * Below u_0 the value is {@code 0} (an atom at zero of mass u_0). Sampled values are rounded to
 * whole numbers, with {@code minimum} as the smallest value above the atom.
 */
final class QuantileCurve {
    /** Midpoints per unit of u used to integrate the mean of the rounded values. */
    private static final int GRID = 200_000;

    private final double[] u;
    private final double[] logQ;
    private final double tailExponent;
    private final long minimum;

    QuantileCurve(double[] u, double[] q, double tailExponent, long minimum) {
        if (u.length != q.length || u.length < 2) {
            throw new IllegalArgumentException("Knots differ in length or are fewer than two");
        }
        this.u = u.clone();
        this.logQ = new double[q.length];
        for (int k = 0; k < q.length; k++) {
            logQ[k] = Math.log(q[k]);
        }
        this.tailExponent = tailExponent;
        this.minimum = minimum;
    }

    /** The same knots with another last knot value and tail exponent. */
    QuantileCurve withTail(double lastValue, double exponent) {
        double[] q = new double[logQ.length];
        for (int k = 0; k < q.length; k++) {
            q[k] = Math.exp(logQ[k]);
        }
        q[q.length - 1] = lastValue;
        return new QuantileCurve(u, q, exponent, minimum);
    }

    /** The rounded value at u ∈ [0, 1). */
    long value(double p) {
        if (p < u[0]) {
            return 0;
        }
        int last = u.length - 1;
        int k = 0;
        while (k < last - 1 && p >= u[k + 1]) {
            k++;
        }
        double s = Math.min(1.0, (p - u[k]) / (u[k + 1] - u[k]));
        if (k == last - 1 && tailExponent != 1.0) {
            s = Math.pow(s, tailExponent);
        }
        double x = Math.exp(logQ[k] + s * (logQ[k + 1] - logQ[k]));
        return Math.max(minimum, Math.round(x));
    }

    /** The mean of the rounded values, integrated on a midpoint grid. */
    double mean() {
        double sum = 0;
        for (int i = 0; i < GRID; i++) {
            sum += value((i + 0.5) / GRID);
        }
        return sum / GRID;
    }

    /**
     * The tail exponent γ ≥ 1 at which the mean is {@code target} (bisection; the mean falls as γ
     * grows). Throws if even γ = 1 gives a mean below the target.
     */
    QuantileCurve solveTailExponent(double target) {
        double low = 1.0;
        double high = 64.0;
        if (withTail(Math.exp(logQ[logQ.length - 1]), low).mean() < target) {
            throw new IllegalArgumentException("A log-linear tail already gives a mean below " + target);
        }
        for (int iteration = 0; iteration < 40; iteration++) {
            double mid = 0.5 * (low + high);
            if (withTail(Math.exp(logQ[logQ.length - 1]), mid).mean() > target) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return withTail(Math.exp(logQ[logQ.length - 1]), 0.5 * (low + high));
    }

    /** The last knot value (log-linear tail) at which the mean is {@code target} (bisection on its log). */
    QuantileCurve solveLastKnot(double target) {
        double low = logQ[logQ.length - 2];
        double high = low + Math.log(1000.0);
        for (int iteration = 0; iteration < 50; iteration++) {
            double mid = 0.5 * (low + high);
            if (withTail(Math.exp(mid), 1.0).mean() < target) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return withTail(Math.exp(0.5 * (low + high)), 1.0);
    }
}
