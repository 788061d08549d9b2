package fazhi.generate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChineseNumbersTest {

    @Test
    void writesChineseNumeralsTheUsualWay() {
        assertThat(ChineseNumbers.toChinese(0)).isEqualTo("零");
        assertThat(ChineseNumbers.toChinese(7)).isEqualTo("七");
        assertThat(ChineseNumbers.toChinese(10)).isEqualTo("十");
        assertThat(ChineseNumbers.toChinese(16)).isEqualTo("十六");
        assertThat(ChineseNumbers.toChinese(110)).isEqualTo("一百一十");
        assertThat(ChineseNumbers.toChinese(216)).isEqualTo("二百一十六");
        assertThat(ChineseNumbers.toChinese(1045)).isEqualTo("一千零四十五");
        assertThat(ChineseNumbers.toChinese(1005)).isEqualTo("一千零五");
        assertThat(ChineseNumbers.toChinese(20300)).isEqualTo("二万零三百");
        assertThat(ChineseNumbers.toChinese(100010)).isEqualTo("十万零一十");
        assertThat(ChineseNumbers.toChinese(12345678)).isEqualTo("一千二百三十四万五千六百七十八");
    }

    @Test
    void everyNumberDecodesBack() {
        for (long v = 0; v <= 120_000; v += (v < 2000 ? 1 : 37)) {
            assertThat(ReadBack.chinese(ChineseNumbers.toChinese(v))).as("%d", v).isEqualTo(v);
        }
    }

    @Test
    void fullWidth() {
        assertThat(ChineseNumbers.fullWidth("1245")).isEqualTo("１２４５");
        assertThat(ChineseNumbers.fullWidth("98.5%")).isEqualTo("９８．５％");
    }

    @Test
    void surfacesRecordWhatACarefulReaderRecords() {
        assertThat(Surface.count(1234, "件", "yu").text()).isEqualTo("1200余件");
        assertThat(Surface.count(1234, "件", "yu").qualifier()).isEqualTo("at_least");
        assertThat(Surface.count(47, "件", "yishang").text()).isEqualTo("40件以上");
        assertThat(Surface.count(1234, "件", "yue").text()).isEqualTo("约1200件");
        assertThat(Surface.count(1234, "件", "jin").text()).isEqualTo("近1300件");
        assertThat(Surface.count(21345, "件", "wan").text()).isEqualTo("2.1万件");
        assertThat(Surface.count(21345, "件", "wan").value().longValue()).isEqualTo(21000);
        assertThat(Surface.count(216, "件", "chinese").text()).isEqualTo("二百一十六件");
        assertThat(Surface.rate(96.5, "yishang").text()).isEqualTo("96%以上");
        assertThat(Surface.rate(36.2, "arabic").text()).isEqualTo("36.2%");
        for (String form : new String[]{"arabic", "spaced", "fullwidth", "chinese", "wan", "yu", "duo", "yishang",
                "chaoguo", "yue", "jin", "zuoyou"}) {
            Surface s = Surface.count(38_765, "件", form);
            ReadBack.Decoded d = ReadBack.decode(s.text());
            assertThat(d.value()).as(form).isEqualByComparingTo(s.value());
            assertThat(d.qualifier()).as(form).isEqualTo(s.qualifier());
        }
    }
}
