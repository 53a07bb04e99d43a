package io.cloudopt.model.provisioning;

import java.util.ArrayList;
import java.util.List;

/** Requests written by hand for worked examples: arrival (s), exit stage, service times (ms). */
final class ScriptedRequests implements ProvisioningRequests {
    private record Request(double arrivalSeconds, int exit, double[] serviceMs) {
    }

    private final List<Request> requests = new ArrayList<>();
    private int next;

    ScriptedRequests add(double arrivalSeconds, int exit, double... serviceMs) {
        requests.add(new Request(arrivalSeconds, exit, serviceMs.clone()));
        return this;
    }

    @Override
    public double peekArrivalSeconds() {
        return next < requests.size() ? requests.get(next).arrivalSeconds() : Double.POSITIVE_INFINITY;
    }

    @Override
    public int take(double[] serviceMs, int offset) {
        Request request = requests.get(next++);
        System.arraycopy(request.serviceMs(), 0, serviceMs, offset, request.serviceMs().length);
        return request.exit();
    }
}
