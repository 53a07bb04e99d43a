package io.cloudopt.model.dvamp;

/**
 * A VM trace in columns (the Huawei-East-1 lifetime file, or a generated one): row r is VM r,
 * rows sorted by arrival. Episodes are slices of it ({@link DvampWorkload#slice}).
 */
public final class DvampTrace {
    final int[] cpuCores;
    final int[] memoryGiB;
    final long[] arrivalSeconds;
    final long[] lifetimeSeconds;

    public DvampTrace(int[] cpuCores, int[] memoryGiB, long[] arrivalSeconds, long[] lifetimeSeconds) {
        int rows = cpuCores.length;
        if (memoryGiB.length != rows || arrivalSeconds.length != rows || lifetimeSeconds.length != rows) {
            throw new IllegalArgumentException("Trace columns differ in length");
        }
        this.cpuCores = cpuCores.clone();
        this.memoryGiB = memoryGiB.clone();
        this.arrivalSeconds = arrivalSeconds.clone();
        this.lifetimeSeconds = lifetimeSeconds.clone();
    }

    public int rows() {
        return cpuCores.length;
    }

    public int cpuCores(int row) {
        return cpuCores[row];
    }

    public int memoryGiB(int row) {
        return memoryGiB[row];
    }

    public long arrivalSeconds(int row) {
        return arrivalSeconds[row];
    }

    public long lifetimeSeconds(int row) {
        return lifetimeSeconds[row];
    }
}
