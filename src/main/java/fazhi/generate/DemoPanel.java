package fazhi.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A small fixed synthetic panel for the demo: 8 counties in each of 山东省, 贵州省 and 内蒙古自治区, 2019-2023,
 * fixed seed. Enough years for trends and enough counties per province for rankings. The reports land in
 * {@code folder/reports} (with its manifest.csv: that is the input folder for {@code fazhi run}), the ground
 * truth in {@code folder/truth}.
 */
public final class DemoPanel {
    public static final List<String> PROVINCES = List.of("370000", "520000", "150000");
    public static final int COUNTIES_PER_PROVINCE = 8;
    public static final int FROM_YEAR = 2019;
    public static final int TO_YEAR = 2023;
    public static final long SEED = 20240601L;

    private DemoPanel() {
    }

    /** writes the demo corpus into folder (empty, missing, or an earlier generated corpus) */
    public static CorpusGenerator.Summary generate(Path folder) throws IOException {
        CorpusGenerator.Options options = new CorpusGenerator.Options(folder,
                PROVINCES.size() * COUNTIES_PER_PROVINCE, FROM_YEAR, TO_YEAR, SEED, PROVINCES, COUNTIES_PER_PROVINCE,
                false);
        return CorpusGenerator.bundled().generate(options);
    }
}
