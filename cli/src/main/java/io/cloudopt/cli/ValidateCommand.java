package io.cloudopt.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudopt.model.common.InputError;
import io.cloudopt.model.common.InputException;
import io.cloudopt.model.common.Instances;
import io.cloudopt.model.common.Json;
import io.cloudopt.model.common.LoadedInstance;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check instance files: envelope, JSON Schema and the problem's semantic rules, all errors at "
                + "once.", "Exit 0 when every file is valid, 2 otherwise."})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INSTANCE")
    List<Path> files;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ArrayNode results = Json.NODES.arrayNode();
        int invalid = 0;
        for (Path file : files) {
            ObjectNode result = results.addObject();
            result.put("file", file.toString());
            try {
                LoadedInstance<?> loaded = Instances.read(file);
                result.put("valid", true);
                result.put("problem", loaded.problem().id());
                result.put("name", loaded.name());
                result.put("sha256", loaded.sha256());
                if (!common.json) {
                    out.println("valid: " + file + " (" + loaded.problem().id() + " " + loaded.name() + ")");
                }
            } catch (InputException e) {
                invalid++;
                result.put("valid", false);
                ArrayNode errors = result.putArray("errors");
                for (InputError error : e.errors()) {
                    errors.addObject().put("location", error.location()).put("message", error.message());
                }
                if (!common.json) {
                    err.println("cloudopt: " + e.getMessage());
                }
            }
        }
        if (common.json) {
            out.println(Json.compact(results));
        }
        out.flush();
        err.flush();
        return invalid == 0 ? Main.OK : Main.BAD_INPUT;
    }
}
