package io.cloudopt.cli;

import io.cloudopt.model.common.InputException;
import io.cloudopt.model.common.JsonSchemas;
import io.cloudopt.model.common.Problems;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the JSON Schema (draft 2020-12) of a problem's instance files, or of its solution files.")
final class SchemaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROBLEM", description = "Problem id: ${COMPLETION-CANDIDATES}",
            completionCandidates = ProblemIds.class)
    String problem;

    @Option(names = "--solution", description = "The solution file schema instead of the instance schema.")
    boolean solution;

    @Override
    public Integer call() {
        if (Problems.byId(problem).isEmpty()) {
            throw InputException.usage("unknown problem \"" + problem + "\"; expected one of " + Problems.ids());
        }
        spec.commandLine().getOut().print(JsonSchemas.text(problem + (solution ? ".solution" : ".instance")));
        spec.commandLine().getOut().flush();
        return Main.OK;
    }
}
