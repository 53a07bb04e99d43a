package io.cloudopt.instances.workflow;

import io.cloudopt.model.common.InputException;
import io.cloudopt.model.common.Instances;
import io.cloudopt.model.common.Source;
import io.cloudopt.model.workflow.Workflow;
import io.cloudopt.model.workflow.WorkflowInstance;
import io.cloudopt.model.workflow.WorkflowProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Seeded GATES-like instances (problems/workflow.md §11): application uniform over the four of the
 * size, Poisson arrivals (sampled[0] = 0, sampled[k] = sampled[k−1] + Exp(mean 1/rate)), then the
 * original's shifted-arrival rule (workflows 0 and 1 at 0, workflow k at sampled[k−1]).
 */
public final class WorkflowGenerator {
    public static final String GENERATOR = "cloudopt generate workflow";

    private WorkflowGenerator() {
    }

    /**
     * @param size    S, M or L (the DAX files of that size)
     * @param rate    arrivals per second (GATES: 0.01)
     * @param gamma   deadline factor γ
     */
    public record Options(long seed, String size, int workflows, double rate, double gamma) {
        public Options {
            if (!GatesTestConverter.DAX_BY_SIZE.containsKey(size)) {
                throw InputException.usage("--size must be S, M or L (got " + size + ")");
            }
            if (workflows < 1) {
                throw InputException.usage("--workflows must be >= 1 (got " + workflows + ")");
            }
            if (!(rate > 0) || !Double.isFinite(rate)) {
                throw InputException.usage("--rate must be > 0 (got " + rate + ")");
            }
            if (!(gamma > 0) || !Double.isFinite(gamma)) {
                throw InputException.usage("--gamma must be > 0 (got " + gamma + ")");
            }
        }
    }

    public static WorkflowInstance generate(Options options, Path daxDir) {
        UniformRandomProvider random = RandomSource.SPLIT_MIX_64.create(options.seed());
        List<String> files = GatesTestConverter.DAX_BY_SIZE.get(options.size());
        Map<String, Workflow> cache = new HashMap<>();
        double[] sampled = new double[options.workflows()];
        int[] apps = new int[options.workflows()];
        for (int k = 0; k < options.workflows(); k++) {
            apps[k] = random.nextInt(files.size());
            sampled[k] = k == 0 ? 0.0 : sampled[k - 1] - Math.log1p(-random.nextDouble()) / options.rate();
        }
        List<Workflow> workflows = new ArrayList<>();
        int[] counts = new int[files.size()];
        for (int k = 0; k < options.workflows(); k++) {
            String file = files.get(apps[k]);
            String app = GatesTestConverter.APPLICATIONS.get(apps[k]);
            counts[apps[k]]++;
            Workflow dax = cache.computeIfAbsent(file, f -> DaxReader.read(daxDir.resolve(f), "dax", app, 0.0));
            double arrival = k == 0 ? 0.0 : sampled[k - 1];
            workflows.add(new Workflow("w" + k, app, arrival, null, dax.tasks()));
        }
        double meanGap = options.workflows() > 1 ? sampled[options.workflows() - 1] / (options.workflows() - 1) : 0;
        StringBuilder mix = new StringBuilder();
        for (int a = 0; a < counts.length; a++) {
            mix.append(a == 0 ? "" : ", ").append(GatesTestConverter.APPLICATIONS.get(a)).append(' ')
                    .append(String.format(Locale.ROOT, "%.0f %%", 100.0 * counts[a] / options.workflows()));
        }
        String name = String.format(Locale.ROOT, "workflow-gen-%s-n%d-seed%d-g%s", options.size(),
                options.workflows(), options.seed(), java.math.BigDecimal.valueOf(options.gamma())
                        .stripTrailingZeros().toPlainString());
        String description = String.format(Locale.ROOT, "Synthetic GATES-like arrivals; achieved: mean inter-arrival "
                + "%.1f s (target %.1f s); %s", meanGap, 1 / options.rate(), mix);
        WorkflowInstance instance = new WorkflowInstance(name, description,
                new Source(null, null, GENERATOR, options.seed()), WorkflowInstance.GATES,
                GatesTestConverter.GATES_VM_TYPES, GatesTestConverter.REFERENCE_VCPUS,
                GatesTestConverter.GATES_PENALTY, options.gamma(), workflows);
        return Instances.revalidate(WorkflowProblem.INSTANCE, instance, name);
    }
}
