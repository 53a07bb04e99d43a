package io.cloudopt.benchmarks.rescheduling;

import io.cloudopt.model.rescheduling.ReschedulingInstance;
import io.cloudopt.model.rescheduling.ReschedulingProblem;
import io.cloudopt.model.rescheduling.ReschedulingSolution;
import io.cloudopt.model.rescheduling.ReschedulingState;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.VerifiedSolve;
import io.cloudopt.solvers.rescheduling.ReschedulingSolvers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Not JMH: solves the converted reset_vm_pm0 snapshot for several k with the named solvers, one
 * cold JVM, one thread, and prints one verified line per (solver, k): fragment cores, FR, bound,
 * status and wall seconds. Options: {@code --solvers lns,greedy}, {@code --k 5,10,...,50},
 * {@code --limit 5s}, {@code --seed 1}.
 */
public final class ReschedulingGapTiming {
    private ReschedulingGapTiming() {
    }

    public static void main(String[] args) {
        List<String> solvers = List.of("greedy");
        List<Integer> ks = List.of(5, 10, 15, 20, 25, 30, 35, 40, 45, 50);
        Duration limit = Duration.ofSeconds(5);
        long seed = 1;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--solvers" -> solvers = List.of(args[i + 1].split(","));
                case "--k" -> {
                    List<Integer> parsed = new ArrayList<>();
                    for (String k : args[i + 1].split(",")) {
                        parsed.add(Integer.parseInt(k));
                    }
                    ks = parsed;
                }
                case "--limit" -> limit = Duration.parse("PT" + args[i + 1].toUpperCase(Locale.ROOT));
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("The option (" + args[i] + ") is unknown.\n"
                        + "Maybe use --solvers, --k, --limit or --seed.");
            }
        }
        ReschedulingInstance snapshot = ResetSnapshotData.instance(0);
        long freeCores = ReschedulingState.initial(snapshot).freeCores();
        SolveOptions options = new SolveOptions(limit, 1, seed, false);
        System.out.println("solver,k,fragmentCores,fr,bound,status,wallSeconds,verified");
        for (String name : solvers) {
            for (int k : ks) {
                ReschedulingInstance instance = snapshot.withMaxMigrations(k);
                VerifiedSolve<ReschedulingSolution> solve = VerifiedSolve.run(ReschedulingProblem.INSTANCE,
                        ReschedulingSolvers.CATALOG.create(name), instance, options);
                double fr = solve.report().objective() == null ? Double.NaN : solve.report().objective();
                System.out.printf(Locale.ROOT, "%s,%d,%d,%.6f,%s,%s,%.2f,%s%n", name, k, Math.round(fr * freeCores), fr,
                        solve.report().bound() == null ? "" : String.format(Locale.ROOT, "%.6f", solve.report().bound()),
                        solve.report().status(), solve.report().wallSeconds(), solve.verified());
            }
        }
    }
}
