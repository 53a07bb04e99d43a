package io.cloudopt.model.common;

/** Direction of an objective: which side a dual bound lies on. */
public enum Sense {
    MINIMIZE, MAXIMIZE;

    /** True when {@code a} is strictly better than {@code b} beyond {@code tolerance}. */
    public boolean better(double a, double b, double tolerance) {
        return this == MINIMIZE ? a < b - tolerance : a > b + tolerance;
    }
}
