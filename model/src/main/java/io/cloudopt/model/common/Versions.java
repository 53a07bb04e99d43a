package io.cloudopt.model.common;

/** Version strings written into solution files and label manifests. */
public final class Versions {
    public static final String CLOUDOPT = "0.1.0";
    public static final String ORTOOLS = "9.15.6755";
    public static final String TIMEFOLD = "1.32.0";

    private Versions() {
    }

    /** "cloudopt 0.1.0", the version of a solver that needs no external engine. */
    public static String plain() {
        return "cloudopt " + CLOUDOPT;
    }

    public static String withOrTools() {
        return plain() + " / OR-Tools " + ORTOOLS;
    }

    public static String withTimefold() {
        return plain() + " / Timefold " + TIMEFOLD;
    }
}
