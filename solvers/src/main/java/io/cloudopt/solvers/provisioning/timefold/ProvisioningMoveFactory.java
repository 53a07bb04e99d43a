package io.cloudopt.solvers.provisioning.timefold;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The custom moves of problems/provisioning.md §8, each followed by a level repair of the periods it
 * touches (g := the least level whose B_g covers the period's budgets and hops, the one with the least
 * G_g): change one option to a random one; retune one option within its (type, n), to a random or the best
 * fitting (α, m, b); ±1 VM in one period; a ramp, ±1 VM on a run of consecutive periods; a level run, one
 * (type, n) on a run of periods; and a copy of a neighbour period's option (same type, n, α, m, b) onto a
 * run of periods. Where a move sets a (type, n), each period takes the best fitting option of it
 * ({@link PlanTables#bestWithin}); half of the moves also refit the other stages of the periods they touch
 * within their (type, n), which moves risk and budget between stages. One move in
 * {@value #REOPTIMIZE_ONE_IN} re-plans a whole stage over all periods, the other stages fixed
 * ({@link PlanTables#reoptimizeStage}). Random selection only.
 */
public final class ProvisioningMoveFactory implements MoveIteratorFactory<ProvisioningPlan, PlanChangeMove> {
    static final int RAMP_MAX = 12;
    static final int COPY_MAX = 8;
    /** One move in this many re-plans a whole stage ({@link PlanTables#reoptimizeStage}). */
    static final int REOPTIMIZE_ONE_IN = 3000;

    @Override
    public long getSize(ScoreDirector<ProvisioningPlan> scoreDirector) {
        return 10L * scoreDirector.getWorkingSolution().plans().size();
    }

    @Override
    public Iterator<PlanChangeMove> createOriginalMoveIterator(ScoreDirector<ProvisioningPlan> scoreDirector) {
        throw new UnsupportedOperationException("The ProvisioningMoveFactory supports only random selection."
                + "\nMaybe set selectionOrder RANDOM on its move selector.");
    }

    @Override
    public Iterator<PlanChangeMove> createRandomMoveIterator(ScoreDirector<ProvisioningPlan> scoreDirector,
                                                             Random random) {
        ProvisioningPlan plan = scoreDirector.getWorkingSolution();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public PlanChangeMove next() {
                return move(plan, random);
            }
        };
    }

    static PlanChangeMove move(ProvisioningPlan plan, Random random) {
        PlanTables tables = plan.tables();
        int i = random.nextInt(tables.stages);
        int t = random.nextInt(tables.periods);
        int current = plan.plan(t, i).getOption();
        int type = tables.vmType[t][i][current];
        int count = tables.vmCount[t][i][current];
        if (random.nextInt(REOPTIMIZE_ONE_IN) == 0) {
            int[][] choice = plan.choice();
            int[] stagePlan = tables.reoptimizeStage(i, choice);
            Map<Integer, Integer> changes = new LinkedHashMap<>();
            for (int p = 0; p < tables.periods; p++) {
                if (stagePlan[p] != choice[p][i]) {
                    changes.put(p, stagePlan[p]);
                }
            }
            return compile(plan, "reoptimize", i, changes, false);
        }
        Map<Integer, Integer> changes = new LinkedHashMap<>(); // period → option of stage i
        int draw = random.nextInt(100);
        String kind;
        if (draw < 20) {
            kind = "change";
            List<Integer> range = plan.plan(t, i).getOptionRange();
            changes.put(t, range.get(random.nextInt(range.size())));
        } else if (draw < 35) {
            kind = "retune";
            if (random.nextBoolean()) {
                put(changes, t, tables.bestWithin(t, i, type, count, chosen(plan, t)));
            } else {
                int[] span = tables.rangeOf(t, i, type, count);
                changes.put(t, tables.byKey[t][i][span[0] + random.nextInt(span[1] - span[0])]);
            }
        } else if (draw < 55) {
            kind = "step";
            int direction = random.nextBoolean() ? 1 : -1;
            int newType = steppedType(tables, t, i, type, count + direction, random);
            if (count + direction >= 0 && (newType >= 0 || count + direction == 0)) {
                put(changes, t, tables.bestWithin(t, i, newType, count + direction, chosen(plan, t)));
            }
        } else if (draw < 75) {
            kind = "ramp";
            int direction = random.nextBoolean() ? 1 : -1;
            int length = 2 + random.nextInt(RAMP_MAX - 1);
            int upType = -1;
            for (int p = t; p < Math.min(tables.periods, t + length); p++) {
                int o = plan.plan(p, i).getOption();
                int n = tables.vmCount[p][i][o] + direction;
                if (n < 0) {
                    continue;
                }
                int k = tables.vmType[p][i][o];
                if (n == 0) {
                    k = -1;
                } else if (k < 0) {
                    if (upType < 0) {
                        upType = steppedType(tables, p, i, -1, 1, random);
                    }
                    k = upType;
                }
                if (n == 0 || k >= 0) {
                    put(changes, p, tables.bestWithin(p, i, k, n, chosen(plan, p)));
                }
            }
        } else if (draw < 90) {
            kind = "level";
            int side = random.nextBoolean() ? 1 : -1;
            int source = t - side;
            if (random.nextBoolean() && source >= 0 && source < tables.periods) {
                int o = plan.plan(source, i).getOption();
                type = tables.vmType[source][i][o];
                count = tables.vmCount[source][i][o];
            }
            int length = 1 + random.nextInt(RAMP_MAX);
            for (int p = t; p >= 0 && p < tables.periods && Math.abs(p - t) < length; p += side) {
                int o = tables.bestWithin(p, i, type, count, chosen(plan, p));
                if (o < 0) {
                    break;
                }
                changes.put(p, o);
            }
        } else {
            kind = "copy";
            int side = random.nextBoolean() ? 1 : -1;
            int source = t - side;
            if (source >= 0 && source < tables.periods) {
                long key = tables.optionKey(source, i, plan.plan(source, i).getOption());
                int length = 1 + random.nextInt(COPY_MAX);
                for (int p = t; p >= 0 && p < tables.periods && Math.abs(p - t) < length; p += side) {
                    int o = tables.optionWithKey(p, i, key);
                    if (o < 0) {
                        break;
                    }
                    changes.put(p, o);
                }
            }
        }
        return compile(plan, kind, i, changes, random.nextBoolean());
    }

    /**
     * The move that gives stage i the {@code changes} (period → option) and, with {@code refit}, refits
     * the other stages of those periods within their (type, n) ({@link PlanTables#bestWithin}, never
     * worse for the period), then repairs the levels.
     */
    private static PlanChangeMove compile(ProvisioningPlan plan, String kind, int i, Map<Integer, Integer> changes,
                                          boolean refit) {
        PlanTables tables = plan.tables();
        List<StagePeriodPlan> plans = new ArrayList<>();
        List<Integer> options = new ArrayList<>();
        List<BudgetLevel> levels = new ArrayList<>();
        List<Integer> gs = new ArrayList<>();
        for (Map.Entry<Integer, Integer> change : changes.entrySet()) {
            int p = change.getKey();
            int[] chosen = chosen(plan, p);
            chosen[i] = change.getValue();
            plans.add(plan.plan(p, i));
            options.add(chosen[i]);
            if (refit) {
                for (int s = 0; s < tables.stages; s++) {
                    if (s == i) {
                        continue;
                    }
                    int o = chosen[s];
                    int better = tables.bestWithin(p, s, tables.vmType[p][s][o], tables.vmCount[p][s][o], chosen);
                    if (better >= 0 && better != o) {
                        chosen[s] = better;
                        plans.add(plan.plan(p, s));
                        options.add(better);
                    }
                }
            }
            levels.add(plan.budgetLevels().get(p));
            gs.add(tables.levelFor(tables.budgetUs(p, chosen)));
        }
        return new PlanChangeMove(kind, plans, options, levels, gs);
    }

    private static void put(Map<Integer, Integer> changes, int period, int option) {
        if (option >= 0) {
            changes.put(period, option);
        }
    }

    /** The current options of period t. */
    private static int[] chosen(ProvisioningPlan plan, int t) {
        int[] chosen = new int[plan.tables().stages];
        for (int s = 0; s < chosen.length; s++) {
            chosen[s] = plan.plan(t, s).getOption();
        }
        return chosen;
    }

    /** The type for {@code count} VMs: none for 0, the current one, or from none a random type of the table. */
    private static int steppedType(PlanTables tables, int t, int i, int type, int count, Random random) {
        if (count <= 0) {
            return -1;
        }
        if (type >= 0) {
            return type;
        }
        int[] types = tables.tableTypes[t][i];
        return types.length == 0 ? -1 : types[random.nextInt(types.length)];
    }
}
