package fazhi.stats;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class KendallDistributionTest {

    @Test
    void fourElementsFollowTheMahonianNumbers() {
        double[] p = KendallDistribution.probabilities(4);
        double[] counts = {1, 3, 5, 6, 5, 3, 1};
        for (int k = 0; k < counts.length; k++) {
            assertThat(p[k]).isCloseTo(counts[k] / 24, within(1e-16));
        }
    }

    @Test
    void distributionsSumToOneAndAreSymmetric() {
        for (int n = 1; n < 50; n++) {
            double[] p = KendallDistribution.probabilities(n);
            assertThat(p).hasSize(n * (n - 1) / 2 + 1);
            assertThat(Arrays.stream(p).sum()).isCloseTo(1.0, within(1e-12));
            for (int k = 0; k < p.length; k++) {
                assertThat(p[k]).isCloseTo(p[p.length - 1 - k], within(1e-13 * p[k] + 1e-300));
            }
        }
    }

    @Test
    void twoSidedPIsCappedAtOneAtTheCentre() {
        assertThat(KendallDistribution.twoSidedP(3, 4)).isEqualTo(1.0);
        assertThat(KendallDistribution.twoSidedP(0, 5)).isCloseTo(2.0 / 120, within(1e-16));
        assertThat(KendallDistribution.twoSidedP(10, 5)).isCloseTo(2.0 / 120, within(1e-16));
    }
}
