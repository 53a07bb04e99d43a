package io.cloudopt.model.provisioning;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What one simulator run measured (S12): the solution's {@code simulation} block. Costs in USD,
 * latencies in ms; {@code p99LatencyMs} is the nearest-rank value.
 */
@JsonPropertyOrder({"seed", "requests", "costUsd", "vmCostUsd", "faasCostUsd", "p99LatencyMs", "violationFraction",
        "sloMet", "vmToFaasOverflow", "faasColdStarts"})
public record ProvisioningOutcome(long seed, long requests, double costUsd, double vmCostUsd, double faasCostUsd,
                                  double p99LatencyMs, double violationFraction, boolean sloMet,
                                  long vmToFaasOverflow, long faasColdStarts) {
}
