package fazhi.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChineseNumeralsTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            64                 | 64
            1,245              | 1245
            12,345,678         | 12345678
            98.6               | 98.6
            １２４５           | 1245
            ９８．６           | 98.6
            一                 | 1
            十                 | 10
            十二               | 12
            二十               | 20
            一百零五           | 105
            二百一十六         | 216
            一千零五           | 1005
            一千零一十         | 1010
            三千二             | 3200
            两万               | 20000
            一万五             | 15000
            十万               | 100000
            二十三万四千五百   | 234500
            三百二十一亿五千万 | 32150000000
            一万亿             | 1000000000000
            四十二点三         | 42.3
            十二点五           | 12.5
            零点五             | 0.5
            二〇二四           | 2024
            一〇五             | 105
            4万2千             | 42000
            2.1万              | 21000
            1.5亿              | 150000000
            20万               | 200000
            百                 | 100
            千                 | 1000
            壹佰贰拾            | 120
            """)
    void parsesNumbersAsWrittenInReports(String text, String expected) {
        assertThat(ChineseNumerals.parse(text)).isEqualByComparingTo(new BigDecimal(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "件", "X", "abc", "点", "十点"})
    void rejectsWhatIsNotANumber(String text) {
        assertThat(ChineseNumerals.tryParse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"九千九百九十九亿九千九百九十九万九千九百九十九亿", "99999999999999999999999999万亿"})
    void neverOverflows(String text) {
        assertThat(ChineseNumerals.parse(text).signum()).isPositive();
        assertThat(ChineseNumerals.parseDouble(text)).isPositive();
    }
}
