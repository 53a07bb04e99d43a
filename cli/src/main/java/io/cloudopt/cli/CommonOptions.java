package io.cloudopt.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
final class CommonOptions {
    @Option(names = "--json", description = "Print the result as JSON on stdout instead of a table.")
    boolean json;

    @Option(names = "--debug", description = "Show stack traces of errors.")
    boolean debug;
}
