package io.cloudopt.model.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast rounding agrees with the exact BigDecimal one (Python's round) everywhere. */
class RoundHalfEvenTest {
    @Test
    void agreesWithTheExactRoundingOnRandomAndTieValues() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            double value = switch (i % 4) {
                case 0 -> (random.nextDouble() - 0.5) * 2e6;
                case 1 -> (random.nextDouble() - 0.5) * 1e-2;
                case 2 -> Math.round(random.nextDouble() * 1e9) / 1e5 + 0.000005;
                default -> (random.nextDouble() - 0.5) * 1e12;
            };
            for (int digits : new int[] {3, 5}) {
                assertThat(WorkflowSimulator.roundHalfEven(value, digits)).as("round(%s, %d), seed 7", value, digits)
                        .isEqualTo(WorkflowSimulator.exactRoundHalfEven(value, digits));
            }
        }
    }

    @Test
    void pythonExamples() {
        // round(2.675, 2) == 2.67 in Python: 2.675 is 2.67499999… in binary.
        assertThat(WorkflowSimulator.roundHalfEven(2.675, 2)).isEqualTo(2.67);
        assertThat(WorkflowSimulator.roundHalfEven(0.125, 2)).isEqualTo(0.12);
        assertThat(WorkflowSimulator.roundHalfEven(0.375, 2)).isEqualTo(0.38);
        assertThat(WorkflowSimulator.roundHalfEven(-0.0000049, 5)).isEqualTo(-0.0);
    }
}
