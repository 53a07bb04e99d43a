package io.cloudopt.cli;

/** A solve found no solution or a check failed: exit code 1, message on stderr. */
final class CheckFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CheckFailed(String message) {
        super(message);
    }
}
