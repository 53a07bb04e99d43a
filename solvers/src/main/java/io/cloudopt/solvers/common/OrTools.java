package io.cloudopt.solvers.common;

import com.google.ortools.Loader;

/** Loads the OR-Tools natives once per JVM (about 0.6 s), the only place that does. */
public final class OrTools {
    private static volatile boolean loaded;

    private OrTools() {
    }

    public static void load() {
        if (!loaded) {
            synchronized (OrTools.class) {
                if (!loaded) {
                    Loader.loadNativeLibraries();
                    loaded = true;
                }
            }
        }
    }
}
