package io.cloudopt.cli;

import io.cloudopt.model.common.InputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code cloudopt} command (DESIGN §7). Exit codes: 0 success, 1 a solve found no solution or
 * a check failed, 2 bad input or usage.
 */
@Command(name = "cloudopt", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Exact and heuristic optimizers for cloud scheduling problems.",
        subcommands = {SolveCommand.class, VerifyCommand.class, GapCommand.class, SimulateCommand.class,
                LabelsCommand.class, GenerateCommand.class, ConvertCommand.class, ValidateCommand.class,
                SchemaCommand.class, SolversCommand.class, DemoCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command with the given streams; returns the exit code (used by tests). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((exception, line, parsed) -> handle(exception, line, parsed, err));
        commandLine.setParameterExceptionHandler((exception, args1) -> {
            err.println("cloudopt: " + exception.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(exception, err);
            err.println("Try '" + exception.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return BAD_INPUT;
        });
        return commandLine.execute(args);
    }

    private static int handle(Exception exception, CommandLine line, CommandLine.ParseResult parsed, PrintWriter err) {
        boolean debug = parsed.expandedArgs().contains("--debug");
        if (exception instanceof InputException input) {
            err.println("cloudopt: " + input.getMessage());
            if (debug) {
                input.printStackTrace(err);
            }
            return BAD_INPUT;
        }
        if (exception instanceof CheckFailed failed) {
            err.println("cloudopt: " + failed.getMessage());
            return FAILED;
        }
        err.println("cloudopt: internal error: " + exception);
        if (debug) {
            exception.printStackTrace(err);
        } else {
            err.println("Maybe rerun with --debug for the stack trace, and report it: this is a bug.");
        }
        return FAILED;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Prints the version with the engines it was built against. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {io.cloudopt.model.common.Versions.withOrTools() + " / Timefold "
                    + io.cloudopt.model.common.Versions.TIMEFOLD};
        }
    }
}
