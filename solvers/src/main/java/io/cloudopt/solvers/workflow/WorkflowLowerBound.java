package io.cloudopt.solvers.workflow;

import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.common.Termination;
import io.cloudopt.model.workflow.Workflow;
import io.cloudopt.model.workflow.WorkflowEvaluator;
import io.cloudopt.model.workflow.WorkflowGraph;
import io.cloudopt.model.workflow.WorkflowInstance;
import io.cloudopt.model.workflow.WorkflowSolution;
import io.cloudopt.model.workflow.WorkflowVmType;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.SolveReport;
import io.cloudopt.solvers.common.Solver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A combinatorial lower bound on the hindsight optimum of problems/workflow.md §7, hence on every
 * policy (a row of {@code cloudopt gap}, "lower-bound": no schedule, only the bound), for instances of
 * any size. It combines:
 *
 * <ol>
 * <li><b>Cost floor</b> F (§9): VM cost ≥ min_k(π_k/c_k)·Σ_j p_j/3600.
 * <li><b>Forced lateness</b>: a workflow whose critical path on the fastest type exceeds thr (beyond the
 * rule-9 tolerance) is late in every schedule and pays at least 1 + β·(CP/c_max − thr)/3600.
 * <li><b>Billing points</b>: take times t_1 &lt; t_2 &lt; … spaced by more than the longest billing
 * period H (plus the lease tolerance). A VM billed n periods has a lease of length n·H + 1e-5 and so
 * contains at most n of these points; a VM running a task at t_i thus pays, over all points, at least
 * π_k per point where it runs. If workflow w is on time, each task j of w lies in [ES_j, LF_j]
 * (ES_j = a_w + its ancestors' longest chain on the fastest type; LF_j = D_w + 5e-6 − its
 * descendants' longest chain on the fastest type), so it can only run on types with d_jk ≤ LF_j − ES_j
 * and, on any of them, it runs throughout (LF_j − d_j,fastest, ES_j + d_j,fastest). At a point in that
 * interval it occupies its own VM (one task per VM), costing at least the cheapest allowed π_k. Summing
 * per workflow, an on-time w forces a_w dollars of VM cost, and VM cost ≥ Σ_{w on time} a_w.
 * </ol>
 *
 * A late workflow pays at least {@code usdPerLateWorkflow} and forces nothing. So for the set S of
 * workflows on time, total ≥ max(F, Σ_{w∈S} a_w) + (number late)·usdPerLateWorkflow + forced
 * lateness; the minimum over S takes the a_w in increasing order (for a given |S| the smallest sum is
 * the smallest a_w). The bound is the best of this over a grid of offsets t_1 (every second of one
 * period). Margins of 1 ms on every window keep rounding on the safe side.
 */
public final class WorkflowLowerBound implements Solver<WorkflowInstance, WorkflowSolution> {
    /** Safety margin on windows and compulsory intervals, in seconds. */
    static final double MARGIN_SECONDS = 1e-3;
    /** The on-time tolerance of rule 9. */
    static final double ON_TIME_TOLERANCE_SECONDS = 5e-6;
    /** Offsets of the first point tried per period. */
    static final int OFFSETS = 3600;

    @Override
    public String name() {
        return "lower-bound";
    }

    @Override
    public SolveReport<WorkflowSolution> solve(WorkflowInstance instance, SolveOptions options) {
        long started = System.nanoTime();
        Breakdown breakdown = compute(instance);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("costFloorUsd", breakdown.floorUsd());
        stats.put("forcedLatenessUsd", breakdown.forcedUsd());
        stats.put("billingPointsUsd", breakdown.pointsUsd());
        stats.put("workflowsHitByPoints", breakdown.hit());
        return new SolveReport<>(SolveStatus.UNKNOWN, Termination.CONVERGED, null, null, breakdown.boundUsd(),
                Duration.ofNanos(System.nanoTime() - started), stats);
    }

    /** The bound and its parts. */
    public record Breakdown(double boundUsd, double floorUsd, double forcedUsd, double pointsUsd, int hit) {
    }

    /** A task's compulsory interval (when its workflow is on time) and the least cost of a VM there. */
    private record Compulsory(int workflow, double from, double to, double usd) {
    }

    public static Breakdown compute(WorkflowInstance instance) {
        List<WorkflowVmType> types = instance.vmTypes();
        int fastest = 0;
        double period = 0;
        for (WorkflowVmType type : types) {
            fastest = Math.max(fastest, type.vcpus());
            period = Math.max(period, type.billingPeriodSeconds());
        }
        double floor = WorkflowEvaluator.costFloor(instance);
        double perLate = instance.penalty().usdPerLateWorkflow();
        double perLateHour = instance.penalty().usdPerLateHour();
        double forced = 0;
        boolean[] late = new boolean[instance.workflows().size()];
        List<Compulsory> compulsory = new ArrayList<>();
        double first = Double.POSITIVE_INFINITY;
        double last = Double.NEGATIVE_INFINITY;
        for (int w = 0; w < instance.workflows().size(); w++) {
            Workflow workflow = instance.workflows().get(w);
            WorkflowGraph graph = WorkflowGraph.of(instance, workflow);
            double arrival = workflow.arrivalSeconds();
            double threshold = WorkflowEvaluator.thresholdSeconds(instance, workflow);
            int n = graph.size();
            int[] order = topologicalOrder(graph);
            double[] head = new double[n];
            for (int j : order) {
                for (int parent : graph.parents(j)) {
                    head[j] = Math.max(head[j], head[parent] + graph.work(parent) / fastest);
                }
            }
            double[] tail = new double[n];
            double shortest = 0;
            for (int position = n - 1; position >= 0; position--) {
                int j = order[position];
                for (int child : graph.children(j)) {
                    tail[j] = Math.max(tail[j], tail[child] + graph.work(child) / fastest);
                }
                shortest = Math.max(shortest, head[j] + graph.work(j) / fastest + tail[j]);
            }
            double excess = shortest * (1 - 1e-12) - threshold - ON_TIME_TOLERANCE_SECONDS - MARGIN_SECONDS;
            if (excess > 0) {
                late[w] = true;
                forced += perLate + perLateHour * excess / 3600;
                continue;
            }
            for (int j = 0; j < n; j++) {
                double earliest = arrival + head[j] - MARGIN_SECONDS;
                double latest = arrival + threshold + ON_TIME_TOLERANCE_SECONDS - tail[j] + MARGIN_SECONDS;
                double cheapest = Double.POSITIVE_INFINITY;
                for (WorkflowVmType type : types) {
                    if (graph.work(j) / type.vcpus() <= latest - earliest) {
                        cheapest = Math.min(cheapest, type.usdPerHour());
                    }
                }
                double run = graph.work(j) / fastest;
                double from = latest - run;
                double to = earliest + run;
                if (from < to && cheapest < Double.POSITIVE_INFINITY) {
                    compulsory.add(new Compulsory(w, from, to, cheapest));
                    first = Math.min(first, from);
                    last = Math.max(last, to);
                }
            }
        }
        double best = floor;
        double bestPoints = 0;
        int bestHit = 0;
        if (!compulsory.isEmpty()) {
            double spacing = period + 1e-3;
            double[] forcedUsd = new double[late.length];
            for (int offset = 0; offset < OFFSETS; offset++) {
                double origin = first + offset * (spacing / OFFSETS);
                Arrays.fill(forcedUsd, 0);
                for (Compulsory part : compulsory) {
                    // The points origin + i·spacing strictly inside (from, to).
                    long i = (long) Math.floor((part.from() - origin) / spacing) + 1;
                    for (double t = origin + i * spacing; t < part.to(); t = origin + (++i) * spacing) {
                        if (t > part.from()) {
                            forcedUsd[part.workflow()] += part.usd();
                        }
                    }
                }
                double[] demands = Arrays.stream(forcedUsd).filter(a -> a > 0).sorted().toArray();
                double value = Double.POSITIVE_INFINITY;
                double prefix = 0;
                for (int m = 0; m <= demands.length; m++) {
                    value = Math.min(value, Math.max(floor, prefix) + (demands.length - m) * perLate);
                    if (m < demands.length) {
                        prefix += demands[m];
                    }
                }
                if (value > best) {
                    best = value;
                    bestPoints = Arrays.stream(demands).sum();
                    bestHit = demands.length;
                }
            }
        }
        return new Breakdown(best + forced, floor, forced, bestPoints, bestHit);
    }

    private static int[] topologicalOrder(WorkflowGraph graph) {
        int n = graph.size();
        int[] waiting = new int[n];
        int[] order = new int[n];
        int tail = 0;
        for (int j = 0; j < n; j++) {
            waiting[j] = graph.parents(j).length;
            if (waiting[j] == 0) {
                order[tail++] = j;
            }
        }
        for (int head = 0; head < tail; head++) {
            for (int child : graph.children(order[head])) {
                if (--waiting[child] == 0) {
                    order[tail++] = child;
                }
            }
        }
        return order;
    }
}
