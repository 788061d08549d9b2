package fazhi.reference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NumeralCharactersTest {

    @Test
    void digitsStandAtTheIndexOfTheirValue() {
        assertThat(NumeralCharacters.DIGITS.indexOf('零')).isZero();
        assertThat(NumeralCharacters.DIGITS.indexOf('七')).isEqualTo(7);
        assertThat(NumeralCharacters.DIGITS).hasSize(10);
    }

    @Test
    void unitsHaveTheirValuesAndOtherCharactersNone() {
        assertThat(NumeralCharacters.unitValue('十')).isEqualTo(10);
        assertThat(NumeralCharacters.unitValue('千')).isEqualTo(1000);
        assertThat(NumeralCharacters.unitValue('万')).isEqualTo(10_000);
        assertThat(NumeralCharacters.unitValue('亿')).isEqualTo(100_000_000);
        assertThat(NumeralCharacters.unitValue('五')).isZero();
    }

    @Test
    void financialAndTraditionalFormsReadAsThePlainNumeral() {
        assertThat(NumeralCharacters.plainVariant('贰')).isEqualTo('二');
        assertThat(NumeralCharacters.plainVariant('萬')).isEqualTo('万');
        assertThat(NumeralCharacters.plainVariant('點')).isEqualTo('点');
        assertThat(NumeralCharacters.plainVariant('件')).isEqualTo('件');
        assertThat(NumeralCharacters.VARIANT_PAIRS.length() % 2).as("variant, plain pairs").isZero();
    }

    @Test
    void fullWidthAndHalfWidthAreEachOthersInverse() {
        assertThat(NumeralCharacters.fullWidth('5')).isEqualTo('５');
        assertThat(NumeralCharacters.fullWidth('%')).isEqualTo('％');
        assertThat(NumeralCharacters.halfWidth('．')).isEqualTo('.');
        assertThat(NumeralCharacters.halfWidth('件')).isEqualTo('件');
        for (char c = '!'; c <= '~'; c++) {
            assertThat(NumeralCharacters.halfWidth(NumeralCharacters.fullWidth(c))).isEqualTo(c);
        }
    }
}
