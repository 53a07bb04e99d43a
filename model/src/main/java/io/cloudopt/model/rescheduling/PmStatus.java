package io.cloudopt.model.rescheduling;

/** Host status: only ACTIVE hosts receive VMs and count in the fragment rate. */
public enum PmStatus {
    ACTIVE, DISABLED, OUTAGE
}
