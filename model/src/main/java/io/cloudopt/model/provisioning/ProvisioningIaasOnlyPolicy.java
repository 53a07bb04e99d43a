package io.cloudopt.model.provisioning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * iaas-only (§9, LIBRA's thresholds): one pool of the given VM type per stage, every stage sent to its
 * pool (α = 1, no cap) and no VM queue guard (+∞), so nothing goes to FaaS. At t = 0,
 * n_i = max(1, ⌈r_i λ_0 (s_i/1000)/(0.5·vcpus)⌉) with λ_0 = λ̄(0), launched at −L^V so that they are ready
 * at 0. Every 60 s (t = 60, 120, …), per pool with no scale action in the last 120 s (the t = 0 sizing
 * does not count as one): u = busy worker-seconds/(ready workers·60) over the last 60 s, n = ready + booting
 * VMs; u &gt; 0.7 launches ⌈n·u/0.5⌉ − n, u &lt; 0.3 terminates n − max(1, ⌈n·u/0.5⌉).
 */
public final class ProvisioningIaasOnlyPolicy implements ProvisioningPolicy {
    static final double CHECK_SECONDS = 60;
    static final double GRACE_SECONDS = 120;
    static final double SCALE_UP = 0.7;
    static final double SCALE_DOWN = 0.3;
    static final double TARGET = 0.5;

    private final ProvisioningInstance instance;
    private final ProvisioningInstance.VmType vmType;
    private final List<ProvisioningSolution.Pool> pools = new ArrayList<>();
    private final int[] memoryMiB;
    private final double[] lastScaleSeconds;
    private final double[] lastBusyWorkerSeconds;
    private double nextCheckSeconds = CHECK_SECONDS;

    public ProvisioningIaasOnlyPolicy(ProvisioningInstance instance, int vmType) {
        this.instance = instance;
        this.vmType = instance.vmTypes().get(vmType);
        int n = instance.stages().size();
        memoryMiB = new int[n];
        for (int i = 0; i < n; i++) {
            String stage = instance.stages().get(i).id();
            pools.add(new ProvisioningSolution.Pool("p-" + stage, this.vmType.id(), List.of(stage)));
            memoryMiB[i] = ProvisioningPolicies.faasMemoryMiB(instance, i);
        }
        lastScaleSeconds = new double[n];
        Arrays.fill(lastScaleSeconds, Double.NEGATIVE_INFINITY);
        lastBusyWorkerSeconds = new double[n];
    }

    /** The t = 0 size of stage {@code stage}'s pool: max(1, ⌈r_i λ̄(0) (s_i/1000)/(0.5·vcpus)⌉). */
    public int initialVms(int stage) {
        double load = instance.reach(stage) * instance.arrivals().ratePerSecond(0)
                * instance.stages().get(stage).serviceMeanMs() / 1000;
        return Math.max(1, (int) Math.ceil(load / (TARGET * vmType.vcpus())));
    }

    @Override
    public String name() {
        return "iaas-only";
    }

    @Override
    public List<ProvisioningSolution.Pool> pools() {
        return pools;
    }

    @Override
    public boolean unguarded() {
        return true;
    }

    @Override
    public void epoch(ProvisioningControl control) {
        double t = control.timeSeconds();
        if (t == 0) {
            for (int i = 0; i < pools.size(); i++) {
                control.launch(i, initialVms(i));
                control.route(i, i, 1.0, null, memoryMiB[i]);
            }
            control.wakeUpAt(nextCheckSeconds);
            return;
        }
        if (t < nextCheckSeconds) {
            return;
        }
        for (int q = 0; q < pools.size(); q++) {
            double busy = control.busyWorkerSeconds(q);
            double windowBusy = busy - lastBusyWorkerSeconds[q];
            lastBusyWorkerSeconds[q] = busy;
            int readyWorkers = control.readyVms(q) * vmType.vcpus();
            if (t - lastScaleSeconds[q] < GRACE_SECONDS || readyWorkers == 0) {
                continue;
            }
            double u = windowBusy / (readyWorkers * CHECK_SECONDS);
            int n = control.readyVms(q) + control.bootingVms(q);
            int target = Math.max(1, (int) Math.ceil(n * u / TARGET));
            if (u > SCALE_UP && target > n) {
                control.launch(q, target - n);
                lastScaleSeconds[q] = t;
            } else if (u < SCALE_DOWN && target < n) {
                control.terminate(q, n - target);
                lastScaleSeconds[q] = t;
            }
        }
        nextCheckSeconds += CHECK_SECONDS;
        control.wakeUpAt(nextCheckSeconds);
    }
}
