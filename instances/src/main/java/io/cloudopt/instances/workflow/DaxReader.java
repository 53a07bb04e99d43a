package io.cloudopt.instances.workflow;

import io.cloudopt.model.common.InputError;
import io.cloudopt.model.common.InputException;
import io.cloudopt.model.workflow.Workflow;
import io.cloudopt.model.workflow.WorkflowTask;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a Pegasus DAX 2.1 file (problems/workflow.md §11): {@code <job id runtime>} in job order,
 * edges from {@code <child ref><parent ref/></child>}; {@code <uses>} sizes are ignored (no
 * transfers). Errors name the file and line.
 */
public final class DaxReader {
    public static final String NAMESPACE = "http://pegasus.isi.edu/schema/DAX";
    static final String KIND = "DAX";

    private DaxReader() {
    }

    /** The workflow of a DAX file, with id {@code workflowId}, arriving at {@code arrivalSeconds}. */
    public static Workflow read(Path file, String workflowId, String application, double arrivalSeconds) {
        String name = file.getFileName().toString();
        Map<String, Job> jobs = new LinkedHashMap<>();
        Map<String, Integer> edgeLines = new HashMap<>();
        List<InputError> errors = new ArrayList<>();
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            boolean rootSeen = false;
            String currentChild = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event != XMLStreamConstants.START_ELEMENT) {
                    if (event == XMLStreamConstants.END_ELEMENT && "child".equals(xml.getLocalName())) {
                        currentChild = null;
                    }
                    continue;
                }
                int line = xml.getLocation().getLineNumber();
                String namespace = xml.getNamespaceURI();
                String local = xml.getLocalName();
                if (!rootSeen) {
                    rootSeen = true;
                    if (!NAMESPACE.equals(namespace) || !"adag".equals(local)) {
                        throw new InputException(KIND, file.toString(), InputError.line(line,
                                "root must be {%s}adag", NAMESPACE));
                    }
                    continue;
                }
                if (!NAMESPACE.equals(namespace)) {
                    continue;
                }
                switch (local) {
                    case "job" -> {
                        String id = xml.getAttributeValue(null, "id");
                        String runtime = xml.getAttributeValue(null, "runtime");
                        if (id == null || id.isEmpty()) {
                            errors.add(InputError.line(line, "job without an id"));
                            break;
                        }
                        Double seconds = parse(runtime);
                        if (seconds == null) {
                            errors.add(InputError.line(line, "job %s: runtime \"%s\" is not a number", id,
                                    runtime == null ? "" : runtime));
                        }
                        if (jobs.containsKey(id)) {
                            errors.add(InputError.line(line, "duplicate job id %s", id));
                            break;
                        }
                        jobs.put(id, new Job(id, seconds == null ? 0.0 : seconds, line));
                    }
                    case "child" -> {
                        currentChild = xml.getAttributeValue(null, "ref");
                        if (!jobs.containsKey(currentChild)) {
                            errors.add(InputError.line(line, "child %s: unknown job", currentChild));
                            currentChild = null;
                        }
                    }
                    case "parent" -> {
                        String parent = xml.getAttributeValue(null, "ref");
                        if (currentChild == null) {
                            break;
                        }
                        if (!jobs.containsKey(parent)) {
                            errors.add(InputError.line(line, "child %s: unknown parent %s", currentChild, parent));
                        } else if (jobs.get(currentChild).parents.contains(parent)) {
                            errors.add(InputError.line(line, "child %s: duplicate parent %s", currentChild, parent));
                        } else {
                            jobs.get(currentChild).parents.add(parent);
                            edgeLines.putIfAbsent(currentChild, line);
                        }
                    }
                    default -> {
                    }
                }
            }
            xml.close();
        } catch (NoSuchFileException e) {
            throw new InputException(KIND, file.toString(), new InputError("", "no such file"));
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new InputException(KIND, file.toString(), InputError.line(line, "malformed XML: %s",
                    e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "")));
        } catch (IOException e) {
            throw new InputException(KIND, file.toString(), new InputError("", "cannot read: " + e.getMessage()));
        }
        if (errors.isEmpty() && jobs.isEmpty()) {
            errors.add(new InputError("", "no jobs"));
        }
        if (errors.isEmpty()) {
            String cycle = cycle(jobs);
            if (cycle != null) {
                String first = cycle.substring(0, cycle.indexOf(' ') < 0 ? cycle.length() : cycle.indexOf(' '));
                errors.add(InputError.line(edgeLines.getOrDefault(first, 0), "cycle %s", cycle));
            }
        }
        if (!errors.isEmpty()) {
            throw new InputException(KIND, name.equals(file.toString()) ? name : file.toString(), errors);
        }
        List<WorkflowTask> tasks = new ArrayList<>();
        for (Job job : jobs.values()) {
            tasks.add(new WorkflowTask(job.id, job.runtime, job.parents));
        }
        return new Workflow(workflowId, application, arrivalSeconds, null, tasks);
    }

    /** Python's float() on the attribute (a decimal number; NaN and infinity are rejected). */
    private static Double parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(text.strip());
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A cycle as "A -> B -> A", or null. */
    private static String cycle(Map<String, Job> jobs) {
        Map<String, Integer> state = new HashMap<>();
        for (String start : jobs.keySet()) {
            List<String> path = new ArrayList<>();
            String found = visit(start, jobs, state, path);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String visit(String job, Map<String, Job> jobs, Map<String, Integer> state, List<String> path) {
        Integer seen = state.get(job);
        if (seen != null && seen == 2) {
            return null;
        }
        if (seen != null && seen == 1) {
            int from = path.indexOf(job);
            List<String> loop = new ArrayList<>(path.subList(from, path.size()));
            java.util.Collections.reverse(loop);
            loop.add(loop.get(0));
            return String.join(" -> ", loop);
        }
        state.put(job, 1);
        path.add(job);
        for (String parent : jobs.get(job).parents) {
            String found = visit(parent, jobs, state, path);
            if (found != null) {
                return found;
            }
        }
        path.remove(path.size() - 1);
        state.put(job, 2);
        return null;
    }

    private static final class Job {
        final String id;
        final double runtime;
        final int line;
        final List<String> parents = new ArrayList<>();

        Job(String id, double runtime, int line) {
            this.id = id;
            this.runtime = runtime;
            this.line = line;
        }
    }
}
