package io.cloudopt.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudopt.model.common.Json;
import java.io.PrintWriter;
import java.nio.file.Path;

/** The report of a command that wrote instance files: a line of text, or JSON with {@code --json}. */
final class Written {
    private Written() {
    }

    static void report(PrintWriter out, boolean json, Path output, String problem, String what, int files) {
        if (json) {
            ObjectNode node = Json.object();
            node.put("written", output.toString());
            node.put("problem", problem);
            node.put("files", files);
            node.put("description", what);
            out.println(Json.compact(node));
        } else {
            out.println("wrote " + output + " (" + what + ")");
        }
        out.flush();
    }
}
