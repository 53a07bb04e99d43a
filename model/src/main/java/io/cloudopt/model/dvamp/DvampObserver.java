package io.cloudopt.model.dvamp;

/** Sees every decision of a simulator run, before it is applied (used for labels and progress). */
@FunctionalInterface
public interface DvampObserver {
    DvampObserver NONE = (state, vm, action, waitSeconds, reward) -> { };

    /**
     * @param state       the state the policy saw (do not keep it: it changes after the call)
     * @param vm          the head VM's index in the workload
     * @param action      the canonical action chosen
     * @param waitSeconds the VM's wait, t − at
     * @param reward      the step reward (−log1p(wait) under spane, +1 under vmagent)
     */
    void decision(DvampState state, int vm, int action, long waitSeconds, double reward);
}
