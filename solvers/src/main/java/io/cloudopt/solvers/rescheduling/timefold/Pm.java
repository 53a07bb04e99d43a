package io.cloudopt.solvers.rescheduling.timefold;

import java.util.List;

/** Both NUMA nodes of an ACTIVE PM: the location of a double-NUMA VM. */
final class Pm extends Location {
    private final List<PmNuma> numas;

    Pm(PmNuma numa0, PmNuma numa1) {
        super(numa0.pm(), numa0.rack());
        this.numas = List.of(numa0, numa1);
    }

    @Override
    int mask() {
        return 3;
    }

    @Override
    List<PmNuma> numas() {
        return numas;
    }

    @Override
    public String toString() {
        return "pm" + pm();
    }
}
