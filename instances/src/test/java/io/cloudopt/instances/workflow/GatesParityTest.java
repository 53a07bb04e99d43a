package io.cloudopt.instances.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudopt.model.testing.BrokenCorpus;
import io.cloudopt.model.testing.SharedData;
import io.cloudopt.model.workflow.WorkflowInstance;
import io.cloudopt.model.workflow.WorkflowOutcome;
import io.cloudopt.model.workflow.WorkflowPolicies;
import io.cloudopt.model.workflow.WorkflowSimulator;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parity with the original GATES simulator (problems/workflow.md §5, §5b): the costs the original
 * code gives for bestfit and new48 on the GATES test instances ({@code gates-reference/*.csv}, see
 * its README) are reproduced bit for bit — VM cost, penalty, missed deadlines, decisions, billed
 * and busy VM hours — for every size, γ and instance listed there.
 */
class GatesParityTest {
    private static final Path REFERENCE = BrokenCorpus.directory(GatesParityTest.class, "/workflow/gates-reference");

    /** One reference row: an instance of a size at a γ, with the original's totals. */
    record Reference(String policy, String size, double gamma, int instance, double vmCost, double penalty,
                     int missedDeadlines, int decisions, int billedVmHours, double busyVmHours) {
    }

    static Stream<Arguments> suites() {
        Map<String, List<Reference>> bySuite = new TreeMap<>();
        for (String policy : List.of("bestfit", "new48")) {
            for (String size : List.of("S", "M", "L")) {
                Path file = REFERENCE.resolve(policy + "_" + size + ".csv");
                try (Reader reader = Files.newBufferedReader(file)) {
                    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
                    for (CSVRecord record : format.parse(reader)) {
                        Reference row = new Reference(policy, record.get("size"), Double.parseDouble(record.get("gamma")),
                                Integer.parseInt(record.get("instance")), Double.parseDouble(record.get("vmCost")),
                                Double.parseDouble(record.get("penalty")), Integer.parseInt(record.get("missedDeadlines")),
                                Integer.parseInt(record.get("decisions")), Integer.parseInt(record.get("billedVmHours")),
                                Double.parseDouble(record.get("busyVmHours")));
                        bySuite.computeIfAbsent(policy + " " + size + " γ=" + row.gamma(), k -> new ArrayList<>()).add(row);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return bySuite.entrySet().stream().map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void originalCostsAreReproducedBitForBit(String suite, List<Reference> rows) {
        Reference first = rows.get(0);
        Path table = SharedData.file("workflow/gates_test_instances_" + first.size() + ".csv");
        GatesTestConverter.Table read = GatesTestConverter.read(table);
        Map<String, io.cloudopt.model.workflow.Workflow> cache = new HashMap<>();
        for (Reference row : rows) {
            WorkflowInstance instance = GatesTestConverter.convert(read, row.instance(), row.gamma(),
                    table.resolveSibling("dax"), cache);
            WorkflowOutcome outcome = new WorkflowSimulator(instance).run(WorkflowPolicies.create(row.policy()));
            String what = suite + " instance " + row.instance();
            assertThat(outcome.vmCost()).as(what + " vmCost").isEqualTo(row.vmCost());
            assertThat(outcome.penalty()).as(what + " penalty").isEqualTo(row.penalty());
            assertThat(outcome.missedDeadlines()).as(what + " missed").isEqualTo(row.missedDeadlines());
            assertThat(outcome.decisions()).as(what + " decisions").isEqualTo(row.decisions());
            assertThat(outcome.billedHours()).as(what + " billed hours").isEqualTo(row.billedVmHours());
            assertThat(outcome.busyHours()).as(what + " busy hours").isEqualTo(row.busyVmHours());
        }
    }

    /** Decision by decision on instance 0 of size S, γ = 1.0: time, task, candidates and choice of the original. */
    @org.junit.jupiter.api.Test
    void everyDecisionOfTheTracedRunMatches() throws IOException {
        Path table = SharedData.file("workflow/gates_test_instances_S.csv");
        WorkflowInstance instance = GatesTestConverter.convert(GatesTestConverter.read(table), 0, 1.0,
                table.resolveSibling("dax"), new HashMap<>());
        List<CSVRecord> trace = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(REFERENCE.resolve("trace_S_0_g1.0_bestfit.csv"))) {
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).forEach(trace::add);
        }
        WorkflowSimulator simulator = new WorkflowSimulator(instance);
        io.cloudopt.model.workflow.WorkflowPolicy bestfit = WorkflowPolicies.create("bestfit");
        int step = 0;
        for (boolean more = simulator.start(); more; step++) {
            WorkflowSimulator.Decision decision = simulator.decision();
            CSVRecord expected = trace.get(step);
            int action = bestfit.choose(decision);
            assertThat(decision.now()).as("time of decision %d", step)
                    .isEqualTo(Double.parseDouble(expected.get("timeSeconds")));
            assertThat(decision.workflow()).as("workflow of decision %d", step)
                    .isEqualTo(Integer.parseInt(expected.get("workflow")));
            assertThat(decision.task()).as("task of decision %d", step).isEqualTo(Integer.parseInt(expected.get("task")));
            assertThat(decision.candidateCount()).as("candidates of decision %d", step)
                    .isEqualTo(Integer.parseInt(expected.get("candidates")));
            assertThat(action).as("action of decision %d", step).isEqualTo(Integer.parseInt(expected.get("action")));
            more = simulator.apply(action);
            assertThat(simulator.vmCost()).as("VM cost after decision %d", step)
                    .isEqualTo(Double.parseDouble(expected.get("vmCostAfter")));
        }
        assertThat(step).isEqualTo(trace.size());
    }
}
