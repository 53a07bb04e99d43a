package io.cloudopt.solvers.rescheduling.timefold;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;

/**
 * The score of problems/rescheduling.md §8. Hard: cpu and memory overload of a NUMA node (sum of
 * the excess), anti-affinity excess, counted moves beyond k. Medium: −Σ (f mod G) over every NUMA
 * node of an ACTIVE PM, the empty ones included. Soft: −counted moves.
 */
public final class ReschedulingConstraints implements ConstraintProvider {
    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {cpuOverload(factory), memoryOverload(factory), antiAffinity(factory),
                migrationLimit(factory), fragments(factory), countedMoves(factory)};
    }

    // Σ_{v on (p,n)} c_v + pinned ≤ C_{p,n}, penalised by the excess.
    Constraint cpuOverload(ConstraintFactory factory) {
        return factory.forEach(VmMove.class)
                .expand(VmMove::numas)
                .flattenLast(numas -> numas)
                .groupBy((vm, numa) -> numa, ConstraintCollectors.sumLong((vm, numa) -> vm.cpuShare()))
                .filter((numa, cpu) -> numa.cpuExcess(cpu) > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, PmNuma::cpuExcess)
                .asConstraint("NUMA cpu overload");
    }

    // Σ_{v on (p,n)} m_v + pinned ≤ M_{p,n}, penalised by the excess.
    Constraint memoryOverload(ConstraintFactory factory) {
        return factory.forEach(VmMove.class)
                .expand(VmMove::numas)
                .flattenLast(numas -> numas)
                .groupBy((vm, numa) -> numa, ConstraintCollectors.sumLong((vm, numa) -> vm.memoryShare()))
                .filter((numa, memory) -> numa.memoryExcess(memory) > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, PmNuma::memoryExcess)
                .asConstraint("NUMA memory overload");
    }

    // At most one member of a group per PM (HOST) or rack (RACK), pinned members included.
    Constraint antiAffinity(ConstraintFactory factory) {
        return factory.forEach(VmMove.class)
                .filter(vm -> !vm.groups().isEmpty())
                .expand(VmMove::groups)
                .flattenLast(groups -> groups)
                .groupBy((vm, group) -> group, (vm, group) -> group.where(vm.getLocation()),
                        ConstraintCollectors.countBi())
                .filter((group, where, count) -> group.excess(where, count) > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (group, where, count) -> group.excess(where, count))
                .asConstraint("Anti-affinity group");
    }

    // Σ_v moved_v ≤ k, penalised by the excess.
    Constraint migrationLimit(ConstraintFactory factory) {
        return factory.forEach(VmMove.class)
                .filter(VmMove::isCountedMove)
                .groupBy(ConstraintCollectors.count())
                .join(MigrationBudget.class)
                .filter((count, budget) -> count > budget.maxMigrations())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (count, budget) -> count - budget.maxMigrations())
                .asConstraint("Migration limit");
    }

    // min Σ_{p ∈ ACTIVE, n} (f_{p,n} mod G); nodes without a movable VM count through the complement.
    Constraint fragments(ConstraintFactory factory) {
        return factory.forEach(VmMove.class)
                .expand(VmMove::numas)
                .flattenLast(numas -> numas)
                .groupBy((vm, numa) -> numa, ConstraintCollectors.sumLong((vm, numa) -> vm.cpuShare()))
                .complement(PmNuma.class, numa -> 0L)
                .filter((numa, cpu) -> numa.fragments(cpu) > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, PmNuma::fragments)
                .asConstraint("Fragment cores");
    }

    // Tie-break: fewest counted migrations.
    Constraint countedMoves(ConstraintFactory factory) {
        return factory.forEach(VmMove.class)
                .filter(VmMove::isCountedMove)
                .penalize(HardMediumSoftLongScore.ONE_SOFT)
                .asConstraint("Counted migrations");
    }
}
