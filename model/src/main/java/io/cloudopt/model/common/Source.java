package io.cloudopt.model.common;

/** Where an instance came from: a dataset and converter, or a generator and seed. */
public record Source(String dataset, String converter, String generator, Long seed) {
    public static final Source NONE = new Source(null, null, null, null);
}
