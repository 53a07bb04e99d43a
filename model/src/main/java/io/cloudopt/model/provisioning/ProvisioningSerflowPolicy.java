package io.cloudopt.model.provisioning;

import java.util.ArrayList;
import java.util.List;

/**
 * serflow (§9, ours: per-stage break-even with exit fractions). Each stage has a pool of the VM type k
 * with the least p_k/vcpus_k (ties by index) and the FaaS memory m_i of faas-only. Every 300 s: the exit
 * shares ê_i ← 0.8ê_i + 0.2·(observed share of the requests completed in the last 300 s; ê starts at
 * the instance's e_i, and a window without completions leaves it), r̂ from ê, the
 * {@link ProvisioningRateEstimator} fed; then per stage the break-even λ*_i = (p_k/3600)/(plain-mean FaaS
 * price), the safe per-VM rate u_i = 0.7·vcpus·speedFactor·1000/s_i (n_i = 0 if u_i &lt; λ*_i), the base
 * demand x_i = r̂_i·mean and n_i = ⌊x_i/u_i⌋ + [x_i − ⌊x_i/u_i⌋u_i ≥ λ*_i]. A larger n_i is launched at
 * once, a smaller one terminated at once. Routing: α = 1 with vmMaxPerSecond = ⌊n_i^ready·u_i⌋ and the
 * overflow to FaaS; the cap follows the ready VMs, so the policy wakes up when launched VMs become ready.
 * A stage whose pool has no ready VM runs on FaaS.
 */
public final class ProvisioningSerflowPolicy implements ProvisioningPolicy {
    static final double INTERVAL_SECONDS = 300;
    static final double SAFE_UTILISATION = 0.7;

    private final ProvisioningInstance instance;
    private final List<ProvisioningSolution.Pool> pools = new ArrayList<>();
    private final int[] memoryMiB;
    private final double[] breakEvenPerSecond;
    private final double[] safePerVmPerSecond;
    private final ProvisioningExitShareEstimator exitShares;
    private final ProvisioningRateEstimator estimator = new ProvisioningRateEstimator();
    private double nextDecisionSeconds;

    public ProvisioningSerflowPolicy(ProvisioningInstance instance) {
        this.instance = instance;
        int k = cheapestPerVcpu(instance);
        ProvisioningInstance.VmType type = instance.vmTypes().get(k);
        int n = instance.stages().size();
        memoryMiB = new int[n];
        breakEvenPerSecond = new double[n];
        safePerVmPerSecond = new double[n];
        exitShares = new ProvisioningExitShareEstimator(instance);
        for (int i = 0; i < n; i++) {
            ProvisioningInstance.Stage stage = instance.stages().get(i);
            pools.add(new ProvisioningSolution.Pool("p-" + stage.id(), type.id(), List.of(stage.id())));
            memoryMiB[i] = ProvisioningPolicies.faasMemoryMiB(instance, i);
            breakEvenPerSecond[i] = ProvisioningTails.breakEvenPerSecond(instance, i, memoryMiB[i], k);
            safePerVmPerSecond[i] = SAFE_UTILISATION * type.vcpus() * type.speedFactor() * 1000 / stage.serviceMeanMs();
        }
    }

    /** The VM type with the least p_k/vcpus_k, ties by index. */
    public static int cheapestPerVcpu(ProvisioningInstance instance) {
        int best = -1;
        for (int k = 0; k < instance.vmTypes().size(); k++) {
            ProvisioningInstance.VmType type = instance.vmTypes().get(k);
            if (best < 0 || type.usdPerHour() / type.vcpus()
                    < instance.vmTypes().get(best).usdPerHour() / instance.vmTypes().get(best).vcpus()) {
                best = k;
            }
        }
        return best;
    }

    /**
     * n_i = ⌊x/u⌋ + [x − ⌊x/u⌋u ≥ λ*] for base demand x (stage req/s), safe per-VM rate u and break-even
     * λ*; 0 when u &lt; λ* (a VM never pays).
     */
    public static int vmsFor(double demandPerSecond, double safePerVmPerSecond, double breakEvenPerSecond) {
        if (safePerVmPerSecond < breakEvenPerSecond) {
            return 0;
        }
        int full = (int) Math.floor(demandPerSecond / safePerVmPerSecond);
        return full + (demandPerSecond - full * safePerVmPerSecond >= breakEvenPerSecond ? 1 : 0);
    }

    @Override
    public String name() {
        return "serflow";
    }

    @Override
    public List<ProvisioningSolution.Pool> pools() {
        return pools;
    }

    @Override
    public void epoch(ProvisioningControl control) {
        double t = control.timeSeconds();
        if (t >= nextDecisionSeconds) {
            decide(control, t);
            nextDecisionSeconds += INTERVAL_SECONDS;
            control.wakeUpAt(nextDecisionSeconds);
        }
        for (int i = 0; i < pools.size(); i++) {
            int ready = control.readyVms(i);
            if (ready == 0) {
                control.route(i, -1, 0, null, memoryMiB[i]);
            } else {
                control.route(i, i, 1.0, (int) Math.floor(ready * safePerVmPerSecond[i]), memoryMiB[i]);
            }
        }
    }

    private void decide(ProvisioningControl control, double t) {
        int n = pools.size();
        exitShares.update(control);
        estimator.catchUp(control);
        double reach = 1;
        boolean launched = false;
        for (int i = 0; i < n; i++) {
            int wanted = vmsFor(reach * estimator.mean(), safePerVmPerSecond[i], breakEvenPerSecond[i]);
            reach -= exitShares.share(i);
            int current = control.readyVms(i) + control.bootingVms(i);
            if (wanted > current) {
                control.launch(i, wanted - current);
                launched = true;
            } else if (wanted < current) {
                control.terminate(i, current - wanted);
            }
        }
        double readyAt = t + instance.vmColdStartSeconds();
        if (launched && readyAt > t) {
            control.wakeUpAt(readyAt);
        }
    }
}
