package io.cloudopt.model.rescheduling;

import java.util.List;

/** No two members on one PM (HOST) or in one rack (RACK). */
public record AntiAffinityGroup(String id, Scope scope, List<String> vms) {
    public AntiAffinityGroup {
        vms = List.copyOf(vms);
    }

    public enum Scope {
        HOST, RACK
    }
}
