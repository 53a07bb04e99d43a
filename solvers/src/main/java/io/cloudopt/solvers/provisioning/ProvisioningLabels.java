package io.cloudopt.solvers.provisioning;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudopt.model.common.Json;
import io.cloudopt.model.provisioning.ProvisioningControl;
import io.cloudopt.model.provisioning.ProvisioningExitShareEstimator;
import io.cloudopt.model.provisioning.ProvisioningInstance;
import io.cloudopt.model.provisioning.ProvisioningPlanPolicy;
import io.cloudopt.model.provisioning.ProvisioningRateEstimator;
import io.cloudopt.model.provisioning.ProvisioningSimulator;
import io.cloudopt.model.provisioning.ProvisioningSolution;
import io.cloudopt.model.provisioning.ProvisioningVerifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Labels of problems/provisioning.md §10: one line per period start t (step t, {@code timeSeconds} = t·H)
 * with the state the system shows then, the expert plan's period-t decision as one integer, the set of
 * admissible decisions, and the reward −(USD incurred in [t, t+H)).
 *
 * <p><b>Action.</b> Per stage four mixed-radix digits, most significant first: VM type index, ready VMs
 * wanted (0..n_max), FaaS memory index, split level ℓ (α = ℓ/A). Stage 1 is the least significant group.
 * The radices are in {@link Encoding} (and the manifest). A stage without VMs has type digit 0.
 *
 * <p><b>actionSet</b> is written per stage (a list of stage codes per stage; a joint action is admissible
 * when each of its stage codes is in its stage's list), since the joint product is far too large to list.
 * A stage code is admissible when some option of the stage's table at the expert's rate λ̂ (n_max at the
 * day's largest λ̂, no dominance; the table already drops options that C6 rules out whatever the other stages do) has that memory and
 * split level and, for ℓ &gt; 0, that type and at most that many VMs (C9: ready VMs may exceed the option's).
 * With ℓ = 0 any fitting type may hold idle VMs (0 VMs: type digit 0).
 *
 * <p><b>Replay.</b> Decoding the actions gives a plan (launch the rise at t·H − L^V, terminate the fall at
 * t·H, route with the period's memory and α); its simulation with the manifest's seed reproduces every
 * reward. {@link #check} does that.
 */
public final class ProvisioningLabels {
    private ProvisioningLabels() {
    }

    /** The per-period rates λ̂ an expert plans with: realised for {@code oracle}, the rolling forecast otherwise. */
    public static double[] expertRates(ProvisioningInstance instance, String expert, long seed) {
        double[] realised = ProvisioningRates.realised(instance, seed);
        if (expert.equals("oracle")) {
            return realised;
        }
        double[] expected = ProvisioningRates.expected(instance);
        double[] forecast = new double[expected.length];
        for (int t = 0; t < expected.length; t++) {
            forecast[t] = expected[t] * ProvisioningRates.forecastFactor(expected, realised, t);
        }
        return forecast;
    }

    /** The line header: instance name and hash, episode index, and the expert object. */
    public record Header(String instance, String sha256, int episode, ObjectNode expert) {
    }

    /** The radices of each stage's digits: VM types, VM counts (n_max + 1), FaaS memories, split levels. */
    public record Encoding(int[][] radix) {
        public long stageRadix(int stage) {
            int[] r = radix[stage];
            return (long) r[0] * r[1] * r[2] * r[3];
        }

        public long stageCode(int stage, int type, int count, int memory, int level) {
            int[] r = radix[stage];
            if (type < 0 || type >= r[0] || count < 0 || count >= r[1] || memory < 0 || memory >= r[2] || level < 0
                    || level >= r[3]) {
                throw new IllegalArgumentException("Stage " + stage + " digits (" + type + ", " + count + ", " + memory
                        + ", " + level + ") are outside the radices " + Arrays.toString(r) + ".");
            }
            return ((long) (type * r[1] + count) * r[2] + memory) * r[3] + level;
        }

        public long action(long[] stageCodes) {
            long action = 0;
            for (int i = stageCodes.length - 1; i >= 0; i--) {
                action = Math.multiplyExact(action, stageRadix(i)) + stageCodes[i];
            }
            return action;
        }

        /** [stage] → {type, count, memory, level}. */
        public int[][] decode(long action) {
            int[][] digits = new int[radix.length][4];
            for (int i = 0; i < radix.length; i++) {
                long code = action % stageRadix(i);
                action /= stageRadix(i);
                int[] r = radix[i];
                digits[i][3] = (int) (code % r[3]);
                code /= r[3];
                digits[i][2] = (int) (code % r[2]);
                code /= r[2];
                digits[i][1] = (int) (code % r[1]);
                digits[i][0] = (int) (code / r[1]);
            }
            return digits;
        }

        public ArrayNode toJson() {
            ArrayNode node = Json.NODES.arrayNode();
            for (int[] r : radix) {
                ArrayNode stage = node.addArray();
                for (int value : r) {
                    stage.add(value);
                }
            }
            return node;
        }
    }

    /**
     * The lines of one episode, the run they describe (of the decoded plan), the encoding, and the run of the
     * expert's own plan.
     */
    public record Episode(List<ObjectNode> lines, ProvisioningSimulator.Run run, Encoding encoding,
                          ProvisioningSimulator.Run expert) {
    }

    /**
     * Labels of an expert plan. {@code rates} are the expert's per-period rates λ̂ (the action sets are built
     * at them). The plan must be encodable: one VM type per stage and period, single-stage pools, α on the
     * grid, no per-second caps, and L^V ≤ H. The lines describe the decoded plan: the per-period ready VMs
     * and routing. A launch the expert takes back before its VMs are ready (a later rolling window changes its
     * mind; they are billed and never serve) is no period decision, so the decoded plan leaves it out and can
     * cost less than the expert's; {@link Episode#expert} keeps the expert's own run.
     */
    public static Episode episode(ProvisioningInstance instance, ProvisioningSolution plan, double[] rates,
                                  long seed, Header header) {
        ProvisioningOptions options = ProvisioningOptions.of(instance);
        int stages = instance.stages().size();
        int periods = instance.periodCount();
        int[][][] digits = encodePlan(instance, plan, options.grid().alphaSteps());
        Encoding encoding = encoding(instance, options, rates, digits);
        long[] actions = new long[periods];
        for (int t = 0; t < periods; t++) {
            long[] codes = new long[stages];
            for (int i = 0; i < stages; i++) {
                int[] d = digits[t][i];
                codes[i] = encoding.stageCode(i, d[0], d[1], d[2], d[3]);
            }
            actions[t] = encoding.action(codes);
        }
        ProvisioningSolution decoded = decode(instance, plan.policy(), seed, encoding, actions, options.grid());
        ProvisioningSimulator.Run expert = ProvisioningSimulator.run(instance, plan, seed);
        List<ObjectNode> states = new ArrayList<>();
        Observer observer = new Observer(instance, ProvisioningRates.expected(instance), decoded, states);
        ProvisioningSimulator.Online online = ProvisioningSimulator.runOnline(instance,
                new ProvisioningPlanPolicy(instance, decoded, observer), seed);
        List<io.cloudopt.model.common.Violation> violations = ProvisioningVerifier.verify(instance, decoded);
        if (!violations.isEmpty() || online.run().outcome().requests() != expert.outcome().requests()) {
            throw new IllegalStateException("The expert plan " + plan.policy() + " does not decode to a valid plan: "
                    + violations + ", " + online.run().outcome() + " against the expert's " + expert.outcome() + ".");
        }
        ProvisioningSimulator.Periods costs = online.run().periods();
        double maxRate = ProvisioningRates.max(rates);
        List<ObjectNode> lines = new ArrayList<>();
        for (int t = 0; t < periods; t++) {
            ObjectNode line = Json.object();
            line.put("instance", header.instance());
            line.put("instanceSha256", header.sha256());
            line.put("episode", header.episode());
            line.put("step", t);
            line.put("timeSeconds", (double) t * instance.periodSeconds());
            line.set("state", states.get(t));
            ArrayNode set = line.putArray("actionSet");
            for (TreeSet<Long> stageSet : stageSets(instance, options, encoding, rates[t], maxRate)) {
                ArrayNode codes = set.addArray();
                stageSet.forEach(codes::add);
            }
            line.put("action", actions[t]);
            line.set("expert", header.expert());
            line.put("reward", -costs.costUsd(t));
            line.put("terminated", t == periods - 1);
            line.put("truncated", false);
            line.putObject("info").put("violations", costs.violations()[t]).put("requests", costs.requests()[t]);
            lines.add(line);
        }
        return new Episode(lines, online.run(), encoding, expert);
    }

    /**
     * Checks labels: every action is in its action set, and decoding the actions and simulating them with
     * {@code seed} gives every reward to 1e-9 relative. Returns the problems found (empty when consistent).
     */
    public static List<String> check(ProvisioningInstance instance, List<ObjectNode> lines, Encoding encoding,
                                     long seed) {
        List<String> problems = new ArrayList<>();
        long[] actions = new long[lines.size()];
        for (int t = 0; t < lines.size(); t++) {
            ObjectNode line = lines.get(t);
            actions[t] = line.get("action").asLong();
            int[][] digits = encoding.decode(actions[t]);
            for (int i = 0; i < digits.length; i++) {
                int[] d = digits[i];
                long code = encoding.stageCode(i, d[0], d[1], d[2], d[3]);
                boolean found = false;
                for (var value : line.get("actionSet").get(i)) {
                    found |= value.asLong() == code;
                }
                if (!found) {
                    problems.add("step " + t + ": stage " + instance.stages().get(i).id() + " code " + code
                            + " is not in the action set");
                }
            }
        }
        if (lines.size() != instance.periodCount()) {
            problems.add(lines.size() + " lines for " + instance.periodCount() + " periods");
            return problems;
        }
        ProvisioningSolution plan = decode(instance, "replay", seed, encoding, actions,
                ProvisioningOptions.Grid.STANDARD);
        ProvisioningSimulator.Periods costs = ProvisioningSimulator.run(instance, plan, seed).periods();
        for (int t = 0; t < lines.size(); t++) {
            double recorded = lines.get(t).get("reward").asDouble();
            double replayed = -costs.costUsd(t);
            if (Math.abs(recorded - replayed) > 1e-9 * Math.max(1e-12, Math.abs(recorded))) {
                problems.add("step " + t + ": reward " + recorded + " but the replay gives " + replayed);
            }
        }
        return problems;
    }

    /** [period][stage] → {type, ready VMs, memory index, split level} of the plan's entry at each period start. */
    static int[][][] encodePlan(ProvisioningInstance instance, ProvisioningSolution plan, int alphaSteps) {
        if (instance.vmColdStartSeconds() > instance.periodSeconds()) {
            throw new IllegalArgumentException("Labels need L^V ≤ H (here " + instance.vmColdStartSeconds() + " s > "
                    + instance.periodSeconds() + " s): a launch would span two decisions.");
        }
        int stages = instance.stages().size();
        Map<String, ProvisioningSolution.Pool> pools = new HashMap<>();
        for (ProvisioningSolution.Pool pool : plan.pools()) {
            if (pool.stages().size() != 1) {
                throw new IllegalArgumentException("Pool " + pool.id() + " hosts " + pool.stages().size()
                        + " stages; §10 actions describe one pool per stage.");
            }
            pools.put(pool.id(), pool);
        }
        List<ProvisioningSolution.Period> entries = new ArrayList<>(plan.periods());
        entries.removeIf(entry -> entry.fromSeconds() != null);
        entries.sort((a, b) -> Integer.compare(a.period(), b.period()));
        if (entries.size() < plan.periods().size()) {
            throw new IllegalArgumentException("The plan changes routing inside a period; §10 actions are per period.");
        }
        int[][][] digits = new int[instance.periodCount()][stages][];
        int next = 0;
        ProvisioningSolution.Period current = null;
        for (int t = 0; t < instance.periodCount(); t++) {
            while (next < entries.size() && entries.get(next).period() <= t) {
                current = entries.get(next++);
            }
            if (current == null) {
                throw new IllegalArgumentException("The plan does not list period 0.");
            }
            for (ProvisioningSolution.Routing routing : current.routing()) {
                int i = instance.stageIndex(routing.stage());
                if (routing.vmMaxPerSecond() != null) {
                    throw new IllegalArgumentException("Stage " + routing.stage() + " has a per-second cap in period "
                            + t + "; §10 actions have none.");
                }
                double scaled = routing.vmFraction() * alphaSteps;
                int level = (int) Math.round(scaled);
                if (Math.abs(scaled - level) > 1e-9) {
                    throw new IllegalArgumentException("Stage " + routing.stage() + " α " + routing.vmFraction()
                            + " is not on the grid of 1/" + alphaSteps + ".");
                }
                int type = 0;
                int count = 0;
                for (Map.Entry<String, Integer> vms : current.vmCount().entrySet()) {
                    ProvisioningSolution.Pool pool = pools.get(vms.getKey());
                    if (vms.getValue() > 0 && pool.stages().get(0).equals(routing.stage())) {
                        if (count > 0) {
                            throw new IllegalArgumentException("Stage " + routing.stage() + " has VMs of two types in "
                                    + "period " + t + "; §10 actions have one type per stage.");
                        }
                        type = instance.vmTypeIndex(pool.vmType());
                        count = vms.getValue();
                    }
                }
                if (routing.pool() != null && level > 0
                        && !pools.get(routing.pool()).vmType().equals(instance.vmTypes().get(type).id())) {
                    throw new IllegalArgumentException("Stage " + routing.stage() + " routes to " + routing.pool()
                            + " without ready VMs in period " + t + ".");
                }
                int memory = instance.faas().memoryOptionsMiB().indexOf(routing.faasMemoryMiB());
                digits[t][i] = new int[] {type, count, memory, routing.pool() == null ? 0 : level};
            }
        }
        return digits;
    }

    private static Encoding encoding(ProvisioningInstance instance, ProvisioningOptions options, double[] rates,
                                     int[][][] digits) {
        int stages = instance.stages().size();
        double maxRate = ProvisioningRates.max(rates);
        int[][] radix = new int[stages][];
        for (int i = 0; i < stages; i++) {
            int counts = 0;
            for (int k = 0; k < instance.vmTypes().size(); k++) {
                if (options.fits(i, k)) {
                    counts = Math.max(counts, options.maxVms(i, k, maxRate));
                }
            }
            for (int[][] period : digits) {
                counts = Math.max(counts, period[i][1]);
            }
            radix[i] = new int[] {Math.max(1, instance.vmTypes().size()), counts + 1,
                    instance.faas().memoryOptionsMiB().size(), options.grid().alphaSteps() + 1};
        }
        return new Encoding(radix);
    }

    /** The admissible stage codes of every stage at rate λ̂ (see the class comment). */
    static List<TreeSet<Long>> stageSets(ProvisioningInstance instance, ProvisioningOptions options,
                                         Encoding encoding, double rate, double maxRate) {
        List<TreeSet<Long>> sets = new ArrayList<>();
        for (int i = 0; i < instance.stages().size(); i++) {
            int[] r = encoding.radix()[i];
            TreeSet<Long> set = new TreeSet<>();
            ProvisioningOptionTable table = options.table(i, rate, maxRate, instance.periodSeconds(),
                    ProvisioningOptions.Dominance.NONE);
            boolean[] faasMemory = new boolean[r[2]];
            int[][][] leastVms = new int[r[0]][r[2]][r[3]];
            for (int[][] byMemory : leastVms) {
                for (int[] byLevel : byMemory) {
                    Arrays.fill(byLevel, Integer.MAX_VALUE);
                }
            }
            for (int o = 0; o < table.size(); o++) {
                if (table.usesVm(o)) {
                    int[] cell = leastVms[table.vmType(o)][table.memoryIndex(o)];
                    cell[table.alphaLevel(o)] = Math.min(cell[table.alphaLevel(o)], table.vmCount(o));
                } else {
                    faasMemory[table.memoryIndex(o)] = true;
                }
            }
            for (int m = 0; m < r[2]; m++) {
                if (faasMemory[m]) {
                    set.add(encoding.stageCode(i, 0, 0, m, 0));
                    for (int k = 0; k < r[0]; k++) {
                        if (options.fits(i, k)) {
                            for (int n = 1; n < r[1]; n++) {
                                set.add(encoding.stageCode(i, k, n, m, 0));
                            }
                        }
                    }
                }
                for (int k = 0; k < r[0]; k++) {
                    for (int level = 1; level < r[3]; level++) {
                        for (int n = Math.max(1, leastVms[k][m][level]); n < r[1]; n++) {
                            set.add(encoding.stageCode(i, k, n, m, level));
                        }
                    }
                }
            }
            sets.add(set);
        }
        return sets;
    }

    /** The plan of per-period actions: pools per stage and type used, launches, terminations and routing. */
    static ProvisioningSolution decode(ProvisioningInstance instance, String policy, long seed, Encoding encoding,
                                       long[] actions, ProvisioningOptions.Grid grid) {
        int stages = instance.stages().size();
        int types = instance.vmTypes().size();
        int periods = actions.length;
        int[][][] digits = new int[periods][][];
        boolean[][] used = new boolean[stages][types];
        for (int t = 0; t < periods; t++) {
            digits[t] = encoding.decode(actions[t]);
            for (int i = 0; i < stages; i++) {
                used[i][digits[t][i][0]] |= digits[t][i][1] > 0;
            }
        }
        String[][] poolId = new String[stages][types];
        List<ProvisioningSolution.Pool> pools = ProvisioningPlans.pools(instance, used, poolId);
        List<ProvisioningSolution.Action> launches = new ArrayList<>();
        List<ProvisioningSolution.Action> terminations = new ArrayList<>();
        List<ProvisioningSolution.Period> entries = new ArrayList<>();
        int[][] before = new int[stages][types];
        ProvisioningSolution.Period previous = null;
        for (int t = 0; t < periods; t++) {
            double start = (double) t * instance.periodSeconds();
            Map<String, Integer> counts = new LinkedHashMap<>();
            List<ProvisioningSolution.Routing> routing = new ArrayList<>();
            for (int i = 0; i < stages; i++) {
                int[] d = digits[t][i];
                for (int k = 0; k < types; k++) {
                    int now = d[0] == k ? d[1] : 0;
                    if (now > before[i][k]) {
                        launches.add(new ProvisioningSolution.Action(start - instance.vmColdStartSeconds(),
                                ProvisioningSolution.Action.LAUNCH, poolId[i][k], now - before[i][k]));
                    } else if (now < before[i][k]) {
                        terminations.add(new ProvisioningSolution.Action(start, ProvisioningSolution.Action.TERMINATE,
                                poolId[i][k], before[i][k] - now));
                    }
                    before[i][k] = now;
                    if (poolId[i][k] != null) {
                        counts.put(poolId[i][k], now);
                    }
                }
                String stage = instance.stages().get(i).id();
                int memoryMiB = instance.faas().memoryOptionsMiB().get(d[2]);
                boolean vm = d[1] > 0 && d[3] > 0;
                routing.add(new ProvisioningSolution.Routing(stage, memoryMiB, vm ? poolId[i][d[0]] : null,
                        vm ? (double) d[3] / grid.alphaSteps() : 0.0, null, null));
            }
            ProvisioningSolution.Period entry = new ProvisioningSolution.Period(t, counts, routing);
            if (previous == null || !previous.vmCount().equals(counts) || !previous.routing().equals(routing)) {
                entries.add(entry);
                previous = entry;
            }
        }
        // Terminations first at equal times, so that a launch is never taken back by a termination (S9
        // picks booting VMs first).
        List<ProvisioningSolution.Action> actionList = new ArrayList<>(terminations);
        actionList.addAll(launches);
        actionList.sort((a, b) -> Double.compare(a.timeSeconds(), b.timeSeconds()));
        return new ProvisioningSolution(policy, pools, entries, actionList, seed, null);
    }

    /** Records the §10 state at every period start. */
    private static final class Observer implements java.util.function.Consumer<ProvisioningControl> {
        private final ProvisioningInstance instance;
        private final double[] expected;
        private final ProvisioningSolution plan;
        private final List<ObjectNode> states;
        private final ProvisioningRateEstimator estimator = new ProvisioningRateEstimator();
        private final ProvisioningExitShareEstimator exitShares;
        private final long[] lastOverflow;
        private final double[] lastBusy;
        private long lastCompleted;
        private long lastLate;
        private int lastSecond;

        Observer(ProvisioningInstance instance, double[] expected, ProvisioningSolution plan, List<ObjectNode> states) {
            this.instance = instance;
            this.expected = expected;
            this.plan = plan;
            this.states = states;
            int stages = instance.stages().size();
            exitShares = new ProvisioningExitShareEstimator(instance);
            lastOverflow = new long[stages];
            lastBusy = new double[plan.pools().size()];
        }

        @Override
        public void accept(ProvisioningControl control) {
            double now = control.timeSeconds();
            int stages = instance.stages().size();
            estimator.catchUp(control);
            int second = (int) now;
            long arrivals = 0;
            for (int s = lastSecond; s < second; s++) {
                arrivals += control.arrivalsInSecond(s);
            }
            double window = second - lastSecond;
            lastSecond = second;
            long completed = control.completed() - lastCompleted;
            long late = control.late() - lastLate;
            lastCompleted = control.completed();
            lastLate = control.late();
            exitShares.update(control);
            ObjectNode state = Json.object();
            double day = 2 * Math.PI * (now % 86_400) / 86_400;
            state.put("hourSin", Math.sin(day));
            state.put("hourCos", Math.cos(day));
            state.put("ewmaMean", estimator.mean());
            state.put("ewmaDev", estimator.dev());
            state.put("lastPeriodRate", window > 0 ? arrivals / window : 0.0);
            int period = (int) Math.round(now / instance.periodSeconds());
            state.put("expectedRateNext", expected[Math.min(expected.length - 1, period)]);
            ArrayNode shares = state.putArray("exitShareEst");
            for (int i = 0; i < stages; i++) {
                shares.add(exitShares.share(i));
            }
            ArrayNode ready = state.putArray("readyVms");
            ArrayNode booting = state.putArray("bootingVms");
            ArrayNode queue = state.putArray("queueLen");
            ArrayNode util = state.putArray("lastUtil");
            ArrayNode overflow = state.putArray("lastOverflow");
            double[] busy = new double[plan.pools().size()];
            for (int q = 0; q < busy.length; q++) {
                busy[q] = control.busyWorkerSeconds(q);
            }
            for (int i = 0; i < stages; i++) {
                int readyVms = 0;
                int bootingVms = 0;
                int queued = 0;
                double busySeconds = 0;
                int workers = 0;
                for (int q = 0; q < plan.pools().size(); q++) {
                    ProvisioningSolution.Pool pool = plan.pools().get(q);
                    if (!pool.stages().contains(instance.stages().get(i).id())) {
                        continue;
                    }
                    readyVms += control.readyVms(q);
                    bootingVms += control.bootingVms(q);
                    queued += control.queueLength(q);
                    busySeconds += busy[q] - lastBusy[q];
                    workers += control.readyVms(q) * instance.vmTypes().get(instance.vmTypeIndex(pool.vmType())).vcpus();
                }
                ready.add(readyVms);
                booting.add(bootingVms);
                queue.add(queued);
                util.add(workers > 0 && window > 0 ? busySeconds / (workers * window) : 0.0);
                overflow.add(control.overflow(i) - lastOverflow[i]);
                lastOverflow[i] = control.overflow(i);
            }
            System.arraycopy(busy, 0, lastBusy, 0, busy.length);
            state.put("lastViolationFraction", completed > 0 ? (double) late / completed : 0.0);
            states.add(state);
        }
    }
}
