package io.cloudopt.solvers.provisioning;

import io.cloudopt.model.common.Source;
import io.cloudopt.model.provisioning.ProvisioningInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded tiny instances (1–3 stages, 1–2 periods of 300 s) and a tiny option grid for brute force. */
final class ProvisioningTinyInstances {
    /** α ∈ {0, 0.5, 1}, b ∈ {0, 50, 100} ms (B_g in steps of 50), n ≤ 2. */
    static final ProvisioningOptions.Grid GRID = new ProvisioningOptions.Grid(2, 50, 100, 0.9, 1.2, 2);

    private ProvisioningTinyInstances() {
    }

    static ProvisioningInstance random(long seed) {
        Random random = new Random(seed);
        int stageCount = 1 + random.nextInt(3);
        List<ProvisioningInstance.Stage> stages = new ArrayList<>();
        double left = 1;
        for (int i = 0; i < stageCount; i++) {
            double exit = i == stageCount - 1 ? left : Math.round(left * (0.2 + 0.5 * random.nextDouble()) * 1000) / 1000.0;
            left -= exit;
            double sigma = 0.3 + 0.5 * random.nextDouble();
            stages.add(new ProvisioningInstance.Stage("s" + (i + 1), exit, 5 + random.nextInt(60),
                    ProvisioningInstance.ServiceDistribution.lognormal(sigma), random.nextBoolean() ? 256 : 1024));
        }
        List<Integer> memories = random.nextBoolean() ? List.of(512, 1769) : List.of(1024, 1769, 3008);
        ProvisioningInstance.Faas faas = new ProvisioningInstance.Faas(memories, 1769, 0.0000166667, 0.20, 1, 0, 600);
        List<ProvisioningInstance.VmType> types = new ArrayList<>();
        types.add(new ProvisioningInstance.VmType("a", 2, 4, 0.05 + 0.1 * random.nextDouble(), 1.0));
        if (random.nextBoolean()) {
            types.add(new ProvisioningInstance.VmType("b", random.nextBoolean() ? 4 : 2, random.nextBoolean() ? 0.5 : 8,
                    0.05 + 0.2 * random.nextDouble(), 1 + 0.5 * random.nextDouble()));
        }
        int periods = 1 + random.nextInt(2);
        ProvisioningInstance.Transfers transfers = new ProvisioningInstance.Transfers(random.nextInt(3) * 5,
                random.nextInt(6) * 5, random.nextInt(6) * 5, random.nextInt(6) * 5);
        double latency = 100 + 50 * random.nextInt(5);
        double epsilon = new double[] {0.005, 0.01, 0.05, 0.2}[random.nextInt(4)];
        ProvisioningInstance.Arrivals arrivals = ProvisioningInstance.Arrivals.diurnal(5 + 80 * random.nextDouble(),
                0.5 * random.nextDouble(), 43200, null);
        return new ProvisioningInstance("tiny-" + seed, "", Source.NONE, 300 * periods, 300, stages, faas, types,
                50 + 100 * random.nextInt(3), 60, transfers, new ProvisioningInstance.Slo(latency, epsilon), arrivals,
                new ProvisioningInstance.Simulation(seed, 1));
    }
}
