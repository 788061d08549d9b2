package fazhi.warehouse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class NumberTextTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "30.240000000000002, 30.24",     // 3.024 * 10
            "0.30000000000000004, 0.3",      // 0.1 + 0.2
            "1512.0, 1512",
            "-0.5, -0.5",
            "96.5, 96.5",
            "0.000012, 0.000012",            // no exponent
            "123456789012.5, 123456789012.5",
            "1.0E20, 100000000000000000000",
            "0.0, 0",
            "-0.0, 0",
            "0.1234567890123456, 0.123456789012346",   // beyond 15 significant digits
    })
    void writesTheNumberAPersonMeansWithoutFloatNoise(double value, String text) {
        assertThat(NumberText.plain(value)).isEqualTo(text);
        assertThat(NumberText.of(value)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"30.240000000000002, 30.24", "0.30000000000000004, 0.3", "1512, 1512"})
    void cleansTheValueANumericCellHolds(double noisy, double clean) {
        assertThat(NumberText.clean(noisy)).isEqualTo(clean);
        assertThat(Double.toString(NumberText.clean(noisy))).isEqualTo(Double.toString(clean));
    }

    @ParameterizedTest
    @CsvSource({"NaN", "Infinity", "-Infinity"})
    void leavesNonFiniteValuesAsJavaWritesThem(double v) {
        assertThat(NumberText.plain(v)).isEqualTo(Double.toString(v));
        assertThat(Double.valueOf(NumberText.clean(v))).isEqualTo(Double.valueOf(v));
    }
}
