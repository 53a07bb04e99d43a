package io.cloudopt.cli;

import io.cloudopt.model.common.Problems;
import java.util.Iterator;

/** The problem ids, for help texts and completion. */
final class ProblemIds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Problems.ids().iterator();
    }
}
