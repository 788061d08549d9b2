package fazhi.extract;

import java.util.List;

/**
 * Whose report a text is, as far as the words for "the whole area" go: a county's or district's (全县, and 全市 /
 * 全省 are the city's and province's above it), a county-level city's (射洪市: 全市 its own), a prefecture's (全市 / 全州 / 全盟 its own), a province's (全省 its own) or a
 * municipality's (北京, 天津, 上海, 重庆: province-level, calling their area 全市).
 */
public enum ReportLevel {
    COUNTY, COUNTY_CITY, PREFECTURE, PROVINCE, MUNICIPALITY;

    /**
     * The level of a GB/T 2260 region code: xx0000 a province (a municipality when its code is one of
     * {@code municipalityCodes}), xxxx00 a prefecture, any other a county; null when the code is not six digits
     * (the level is unknown and the extractor reads the text as it did without one). A county-level city is
     * told from a county by its name ({@link #ofRegion}).
     */
    public static ReportLevel ofRegionCode(String code, List<String> municipalityCodes) {
        if (code == null || !code.matches("[0-9]{6}")) {
            return null;
        }
        if (code.endsWith("0000")) {
            return municipalityCodes.contains(code) ? MUNICIPALITY : PROVINCE;
        }
        return code.endsWith("00") ? PREFECTURE : COUNTY;
    }

    /**
     * As {@link #ofRegionCode}, a county-level region whose name ends with one of {@code countyCityEndings}
     * ("射洪市") being a county-level city; {@code name} null when the region table does not know the code.
     */
    public static ReportLevel ofRegion(String code, String name, List<String> municipalityCodes,
                                       List<String> countyCityEndings) {
        ReportLevel level = ofRegionCode(code, municipalityCodes);
        if (level == COUNTY && name != null && countyCityEndings.stream().anyMatch(name::endsWith)) {
            return COUNTY_CITY;
        }
        return level;
    }
}
