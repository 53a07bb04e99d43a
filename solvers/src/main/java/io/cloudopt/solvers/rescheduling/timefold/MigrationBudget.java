package io.cloudopt.solvers.rescheduling.timefold;

/** k, the number of counted migrations a mapping may use. */
record MigrationBudget(int maxMigrations) {
}
