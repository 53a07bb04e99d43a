package io.cloudopt.model.dvamp;

/** One VM request of the queue, in arrival order. */
public record DvampVm(String id, int cpuCores, int memoryGiB, long arrivalSeconds, long lifetimeSeconds) {
}
