package fazhi.stats;

/** The administrative level of a GB/T 2260 code: xx0000 province, xxxx00 prefecture, else county. */
public final class RegionLevel {
    private RegionLevel() {
    }

    public static String of(String code) {
        if (code == null || code.length() != 6) {
            return "other";
        }
        if (code.endsWith("0000")) {
            return "province";
        }
        return code.endsWith("00") ? "prefecture" : "county";
    }
}
