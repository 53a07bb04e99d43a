package io.cloudopt.model.workflow;

/** A rentable VM type: vCPUs, price per billing period (an hour in GATES). */
public record WorkflowVmType(String name, int vcpus, double usdPerHour, double billingPeriodSeconds) {
}
