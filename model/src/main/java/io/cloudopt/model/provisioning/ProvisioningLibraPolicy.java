package io.cloudopt.model.provisioning;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * libra (§9, LIBRA's {@code manager.py}, the whole model as one unit): one pool of the given VM type
 * hosting all stages, so a request that starts on a worker stays there. Per-VM capacity
 * vcpus·1000/Σ_i r_i s_i req/s. Every 300 s, after feeding the {@link ProvisioningRateEstimator}:
 * vm_share = mean + dev, n = ⌈vm_share/capacity⌉, cap = ⌊0.8·vm_share⌋. If n exceeds the pool's VMs
 * (ready + booting), the difference is launched at once and stage 1's routing becomes α = 1 with
 * vmMaxPerSecond = cap after L^V; until then the previous cap stays. If n is smaller, the surplus is
 * terminated and the cap applies at once; if n is equal, the cap applies at once (the spec leaves this
 * case open; there are no VMs to wait for). The other stages run on FaaS unless the request is on a
 * worker; stage 1 runs on FaaS while the pool has no ready VM. The queue guard is the instance's.
 */
public final class ProvisioningLibraPolicy implements ProvisioningPolicy {
    static final double INTERVAL_SECONDS = 300;
    static final double VM_SHARE = 0.8;

    private final ProvisioningInstance instance;
    private final List<ProvisioningSolution.Pool> pools;
    private final double capacityPerSecond;
    private final int[] memoryMiB;
    private final ProvisioningRateEstimator estimator = new ProvisioningRateEstimator();
    private final Deque<double[]> pendingCaps = new ArrayDeque<>(); // {time, cap}
    private double nextDecisionSeconds;
    private int cap = -1;

    public ProvisioningLibraPolicy(ProvisioningInstance instance, int vmType) {
        this.instance = instance;
        ProvisioningInstance.VmType type = instance.vmTypes().get(vmType);
        List<String> stages = instance.stages().stream().map(ProvisioningInstance.Stage::id).toList();
        pools = List.of(new ProvisioningSolution.Pool("p-libra", type.id(), stages));
        capacityPerSecond = capacityPerSecond(instance, type);
        memoryMiB = new int[stages.size()];
        for (int i = 0; i < memoryMiB.length; i++) {
            memoryMiB[i] = ProvisioningPolicies.faasMemoryMiB(instance, i);
        }
    }

    /** Requests per second one VM serves: vcpus·1000/Σ_i r_i s_i (27.2135 for c5.large on the reference). */
    public static double capacityPerSecond(ProvisioningInstance instance, ProvisioningInstance.VmType type) {
        double uniformRuntimeMs = 0;
        for (int i = 0; i < instance.stages().size(); i++) {
            uniformRuntimeMs += instance.reach(i) * instance.stages().get(i).serviceMeanMs();
        }
        return type.vcpus() * 1000 / uniformRuntimeMs;
    }

    @Override
    public String name() {
        return "libra";
    }

    @Override
    public List<ProvisioningSolution.Pool> pools() {
        return pools;
    }

    @Override
    public void epoch(ProvisioningControl control) {
        double t = control.timeSeconds();
        if (t == 0) {
            for (int i = 0; i < memoryMiB.length; i++) {
                control.route(i, -1, 0, null, memoryMiB[i]);
            }
        }
        while (!pendingCaps.isEmpty() && pendingCaps.peekFirst()[0] <= t) {
            cap = (int) pendingCaps.pollFirst()[1];
        }
        if (t >= nextDecisionSeconds) {
            decide(control, t);
            nextDecisionSeconds += INTERVAL_SECONDS;
            control.wakeUpAt(nextDecisionSeconds);
        }
        int ready = control.readyVms(0);
        if (ready == 0 || cap < 0) {
            control.route(0, -1, 0, null, memoryMiB[0]);
        } else {
            control.route(0, 0, 1.0, cap, memoryMiB[0]);
        }
    }

    private void decide(ProvisioningControl control, double t) {
        estimator.catchUp(control);
        double vmShare = estimator.mean() + estimator.dev();
        int wanted = (int) Math.ceil(vmShare / capacityPerSecond);
        int newCap = (int) Math.floor(VM_SHARE * vmShare);
        int current = control.readyVms(0) + control.bootingVms(0);
        if (wanted > current) {
            control.launch(0, wanted - current);
            double readyAt = t + instance.vmColdStartSeconds();
            if (readyAt > t) {
                pendingCaps.addLast(new double[] {readyAt, newCap});
                control.wakeUpAt(readyAt);
            } else {
                cap = newCap;
            }
        } else {
            if (wanted < current) {
                control.terminate(0, current - wanted);
            }
            pendingCaps.clear();
            cap = newCap;
        }
    }
}
