package fazhi.reference;

/** One row of the GB/T 2260 region table (schema/regions.csv). */
public record Region(String code, String name, String level, String parentCode,
                     String provinceCode, String provinceName,
                     String prefectureCode, String prefectureName, String fullName) {
}
