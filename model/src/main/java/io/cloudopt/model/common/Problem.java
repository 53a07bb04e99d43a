package io.cloudopt.model.common;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Everything the format layer, the verifier rule and the CLI need to know of one problem: how its
 * instances and solutions map to JSON, its objective and its independent verifier. One per problem,
 * registered in {@link Problems}.
 *
 * @param <I> the instance record
 * @param <S> the solution record (decisions only)
 */
public interface Problem<I, S> {
    /** The problem id used in files and on the command line ({@code dvamp}). */
    String id();

    /** Direction of the objective; a dual bound lies below (minimise) or above (maximise) it. */
    Sense sense(I instance);

    Class<I> instanceType();

    /**
     * The instance of a document that passed the envelope and schema checks, after the semantic
     * checks of the problem; every broken rule is reported at once.
     *
     * @throws InputException naming {@code file}, the JSON path and the rule
     */
    I readInstance(ObjectNode document, String file);

    /** The problem fields of an instance document (the envelope is added by {@link Instances}). */
    ObjectNode writeInstance(I instance);

    String instanceName(I instance);

    /** The decisions of a solution document that passed the envelope and schema checks. */
    S readSolution(ObjectNode document, I instance, String file);

    /** The problem fields of a solution document: the decisions plus values derived by the evaluator. */
    ObjectNode writeSolution(I instance, S solution);

    /** The objective of a solution, recomputed from its decisions (the evaluator). */
    double objective(I instance, S solution);

    /** Every hard rule the solution breaks; empty when it is valid (the independent verifier). */
    List<Violation> verify(I instance, S solution);

    /**
     * The decisions as values of the MILP's named variables, for a MIPLIB-style {@code .sol} file
     * (empty when the problem has no such mapping).
     */
    default java.util.Map<String, Double> solValues(I instance, S solution) {
        return java.util.Map.of();
    }
}
