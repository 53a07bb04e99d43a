package io.cloudopt.model.common;

import java.nio.file.Path;

/**
 * An instance read from a file, with what solutions and labels record of it.
 *
 * @param file     the file as named by the user (null when built in memory)
 * @param sha256   the SHA-256 of the file's bytes as stored (before gunzip)
 * @param problem  the problem it belongs to
 * @param instance the validated instance record
 */
public record LoadedInstance<I>(Path file, String sha256, Problem<I, ?> problem, I instance) {
    public String name() {
        return problem.instanceName(instance);
    }
}
