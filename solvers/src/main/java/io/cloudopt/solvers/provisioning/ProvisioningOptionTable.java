package io.cloudopt.solvers.provisioning;

import java.util.HashMap;
import java.util.Map;

/**
 * The options o = (k, n, α, m, b) of one stage at one arrival rate (problems/provisioning.md §7), after
 * the grid, stability, memory and dominance filters, in their generation order (index = tie-break
 * order). Read-only primitive columns; {@code vmType(o) = -1} for the n = 0 options, which use no VM
 * type. Costs are in USD over the table's {@code seconds}; risks are probabilities.
 */
public final class ProvisioningOptionTable {
    private final int stage;
    private final double ratePerSecond;
    private final double seconds;
    private final int[] vmType;
    private final int[] vmCount;
    private final int[] alphaLevel;
    private final int[] memoryIndex;
    private final int[] budgetLevel;
    private final double[] vmUsd;
    private final double[] faasUsd;
    private final double[] risk;
    private final ProvisioningOptions.Grid grid;
    private final int[] memoryMiB;
    private final Map<Long, Integer> index;

    ProvisioningOptionTable(int stage, double ratePerSecond, double seconds, ProvisioningOptions.Grid grid,
                            int[] memoryMiB, int[] vmType, int[] vmCount, int[] alphaLevel, int[] memoryIndex,
                            int[] budgetLevel, double[] vmUsd, double[] faasUsd, double[] risk) {
        this.stage = stage;
        this.ratePerSecond = ratePerSecond;
        this.seconds = seconds;
        this.grid = grid;
        this.memoryMiB = memoryMiB;
        this.vmType = vmType;
        this.vmCount = vmCount;
        this.alphaLevel = alphaLevel;
        this.memoryIndex = memoryIndex;
        this.budgetLevel = budgetLevel;
        this.vmUsd = vmUsd;
        this.faasUsd = faasUsd;
        this.risk = risk;
        this.index = new HashMap<>();
        for (int o = 0; o < vmType.length; o++) {
            index.put(key(o), o);
        }
    }

    public int stage() {
        return stage;
    }

    /** The overall arrival rate λ (req/s) the table was built for. */
    public double ratePerSecond() {
        return ratePerSecond;
    }

    /** The length H in seconds the costs are counted over. */
    public double seconds() {
        return seconds;
    }

    public int size() {
        return vmType.length;
    }

    /** Index k in {@code vmTypes}, or -1 for n = 0. */
    public int vmType(int option) {
        return vmType[option];
    }

    /** n: the VMs the option uses. */
    public int vmCount(int option) {
        return vmCount[option];
    }

    /** α as a level ℓ (α = ℓ/alphaSteps). */
    public int alphaLevel(int option) {
        return alphaLevel[option];
    }

    /** α: the share of the stage traffic sent to the VMs. */
    public double vmFraction(int option) {
        return (double) alphaLevel[option] / grid.alphaSteps();
    }

    /** Index of m in {@code faas.memoryOptionsMiB}. */
    public int memoryIndex(int option) {
        return memoryIndex[option];
    }

    /** m in MiB. */
    public int memoryMiB(int option) {
        return memoryMiB[memoryIndex[option]];
    }

    /** b as a level (b = level·budgetStepMs). */
    public int budgetLevel(int option) {
        return budgetLevel[option];
    }

    /** b in ms. */
    public double budgetMs(int option) {
        return budgetLevel[option] * grid.budgetStepMs();
    }

    /** n·p_k·H/3600 USD. */
    public double vmUsd(int option) {
        return vmUsd[option];
    }

    /** (1−α)·r_i·λ·H·c^F_i(m) USD. */
    public double faasUsd(int option) {
        return faasUsd[option];
    }

    /** C_io = vmUsd + faasUsd (no launch terms). */
    public double costUsd(int option) {
        return vmUsd[option] + faasUsd[option];
    }

    /** ε_io: the stage risk (split bound) or the stage sojourn tail (plain bound). */
    public double risk(int option) {
        return risk[option];
    }

    /** Whether the option sends traffic to VMs (α &gt; 0). */
    public boolean usesVm(int option) {
        return alphaLevel[option] > 0;
    }

    /** Whether the option sends traffic to FaaS (α &lt; 1). */
    public boolean usesFaas(int option) {
        return alphaLevel[option] < grid.alphaSteps();
    }

    /** The option with the least risk (ties: lower index): the fallback when nothing else fits. */
    public int leastRisk() {
        int best = 0;
        for (int o = 1; o < size(); o++) {
            if (risk[o] < risk[best]) {
                best = o;
            }
        }
        return best;
    }

    /** An option's identity (k, n, α level, m, b level) as one number, equal across tables of one stage. */
    public long key(int option) {
        return ((((long) (vmType[option] + 1) * 1024 + vmCount[option]) * 1024 + alphaLevel[option]) * 64
                + memoryIndex[option]) * 4096 + budgetLevel[option];
    }

    /** The index of the option with {@code key}, or −1 when this table does not hold it. */
    public int indexOf(long key) {
        return index.getOrDefault(key, -1);
    }

    @Override
    public String toString() {
        return "ProvisioningOptionTable[stage " + stage + ", λ " + ratePerSecond + "/s, " + size() + " options]";
    }
}
