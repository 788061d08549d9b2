package fazhi.report;

import fazhi.config.TestWarehouses;
import fazhi.reference.IndicatorCatalog;
import fazhi.reference.IndicatorDefinition;
import fazhi.reference.RegionTable;
import fazhi.rank.RankingFramework;
import fazhi.rank.RankingRunner;
import fazhi.stats.StatisticsRunner;
import fazhi.warehouse.DimensionTables;
import fazhi.warehouse.MentionRow;
import fazhi.warehouse.ObservationRow;
import fazhi.warehouse.ParquetTableWriter;
import fazhi.warehouse.WarehouseConnection;
import fazhi.warehouse.WarehouseLayout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static fazhi.warehouse.WarehouseConnection.quote;

/**
 * Warehouses the report tests run on, each built once per test JVM:
 * <ul>
 *   <li>{@link #sample()} — the nightly job on the bundled sample reports (every table, very little data);</li>
 *   <li>{@link #panel()} — a generated panel: two provinces (济南 and 平顶山 counties), 2017–2024, the twelve
 *       indicators of the default ranking framework, with a planted rising and falling trend, a planted outlier
 *       whose sentence carries HTML metacharacters, a county that reports too little to be ranked, and 河南's
 *       figures marked synthetic; statistics and rankings computed by the real runners.</li>
 * </ul>
 */
public final class ReportWarehouses {
    public static final int PANEL_YEAR = 2023;
    public static final String SHANDONG = "370000";
    public static final String HENAN = "410000";
    /** the planted outlier: 商河县, legal_opinions, 2023 */
    public static final String OUTLIER_REGION = "370126";
    public static final String OUTLIER_EVIDENCE = "2023年，商河县法律顾问出具法律意见50000件<script>alert('x')</script> & “复核”。";

    static final String[] SHANDONG_COUNTIES = {"370102", "370103", "370104", "370105", "370112", "370113", "370114",
            "370115", "370116", "370117", "370124", "370126"};
    static final String[] HENAN_COUNTIES = {"410402", "410403", "410404", "410411", "410421", "410422", "410423",
            "410425", "410481", "410482"};
    static final String[] RATES = {"head_appearance_rate", "litigation_win_rate", "recon_correction_rate",
            "recon_settlement_rate", "normdoc_filing_rate", "online_service_rate", "hotline_response_rate",
            "hotline_completion_rate", "hotline_satisfaction_rate", "mediation_success_rate"};
    static final String[] COUNTS = {"major_decision_reviews", "legal_opinions"};

    private static Path sample;
    private static Path panel;
    private static Path root;

    private ReportWarehouses() {
    }

    private static synchronized Path root() throws IOException {
        if (root == null) {
            root = Files.createTempDirectory("fazhi-report-tests");
            Path r = root;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(r)));
        }
        return root;
    }

    /** The nightly job's warehouse of the bundled sample reports. */
    public static synchronized Path sample() throws Exception {
        if (sample == null) {
            Path input = TestWarehouses.copyOfSampleData(root().resolve("sample-input"));
            Path wh = root().resolve("sample-warehouse");
            TestWarehouses.run("nightly", input, wh);
            sample = wh;
        }
        return sample;
    }

    /** The generated panel warehouse (see the class comment). */
    public static synchronized Path panel() throws Exception {
        if (panel == null) {
            panel = buildPanel(root().resolve("panel-warehouse"), HENAN);
        }
        return panel;
    }

    /** Writes a published warehouse at {@code warehouse}; observations of {@code syntheticProvince} are synthetic. */
    public static Path buildPanel(Path warehouse, String syntheticProvince) throws Exception {
        String runId = "20240301T000000Z-test";
        WarehouseLayout layout = new WarehouseLayout(warehouse);
        Path version = Files.createDirectories(layout.version(runId));
        RegionTable regions = RegionTable.bundled();
        IndicatorCatalog catalog = IndicatorCatalog.bundled();
        Map<String, String> names = catalog.indicators().stream()
                .collect(Collectors.toMap(IndicatorDefinition::code, IndicatorDefinition::nameZh));
        Random rnd = new Random(20240301L);
        List<ObservationRow> obs = new ArrayList<>();
        List<MentionRow> mentions = new ArrayList<>();
        for (String province : List.of(SHANDONG, HENAN)) {
            String[] counties = province.equals(SHANDONG) ? SHANDONG_COUNTIES : HENAN_COUNTIES;
            boolean synthetic = province.equals(syntheticProvince);
            for (String county : counties) {
                String name = regions.byCode(county).orElseThrow().name();
                double[] base = new double[RATES.length];
                for (int j = 0; j < RATES.length; j++) {
                    base[j] = 70 + 25 * rnd.nextDouble();
                }
                double[] countBase = {20 + 80 * rnd.nextDouble(), 50 + 150 * rnd.nextDouble()};
                for (int year = 2017; year <= 2024; year++) {
                    int t = year - 2017;
                    boolean sparse = county.equals("370117");   // 钢城区 reports one indicator: not ranked (two needed)
                    for (int j = 0; j < RATES.length; j++) {
                        if (sparse && j >= 1) {
                            continue;
                        }
                        double slope = 0;
                        if (county.equals("370102") && j == 0) {
                            slope = 2.5;                            // 历下区: head appearance rate rising
                        } else if (county.equals("370124") && j == 8) {
                            slope = -3.0;                           // 平阴县: hotline satisfaction falling
                        }
                        double v = base[j] - (slope > 0 ? 20 : 0) + slope * t + rnd.nextGaussian() * 1.2;
                        v = Math.round(Math.max(0, Math.min(100, v)) * 10) / 10.0;
                        add(obs, mentions, county, name, province, year, RATES[j], v, "%", names, synthetic,
                                year + "年，" + name + names.get(RATES[j]) + "达到" + fmt(v) + "%。");
                    }
                    if (sparse) {
                        continue;
                    }
                    for (int k = 0; k < COUNTS.length; k++) {
                        double v = Math.round(countBase[k] * Math.pow(1.06, t) * (1 + 0.05 * rnd.nextGaussian()));
                        String evidence = year + "年，" + name + names.get(COUNTS[k]) + fmt(v) + "件。";
                        if (county.equals(OUTLIER_REGION) && year == PANEL_YEAR && k == 1) {
                            v = 50000;
                            evidence = OUTLIER_EVIDENCE;
                        }
                        add(obs, mentions, county, name, province, year, COUNTS[k], v, "件", names, synthetic, evidence);
                    }
                }
            }
        }
        writePartitioned(version, "observations", ObservationRow.class, obs, "year, province",
                "*, province_code AS province");
        writePartitioned(version, "mentions", MentionRow.class, mentions, "year", "*");
        try (Connection db = WarehouseConnection.openDuckDb()) {
            new DimensionTables(regions, catalog).write(db, version);
        }
        try (Connection c = WarehouseConnection.openVersion(version)) {
            new StatisticsRunner().run(c, version, runId);
        }
        try (Connection c = WarehouseConnection.openVersion(version)) {
            new RankingRunner().run(c, version, RankingFramework.bundledDefault(), runId);
        }
        Files.createSymbolicLink(layout.current(), layout.root().relativize(version));
        return warehouse;
    }

    private static void add(List<ObservationRow> obs, List<MentionRow> mentions, String county, String name,
                            String province, int year, String indicator, double v, String unit,
                            Map<String, String> names, boolean synthetic, String evidence) {
        String submission = "sha-" + county + "-" + year;
        String file = county + "_" + year + ".txt";
        int offset = 100 + obs.size() % 900;
        String rule = indicator + ":test";
        obs.add(new ObservationRow(submission, county, name, province, year, indicator, v, unit, "exact", evidence,
                offset, file, rule, "run-extract", synthetic));
        mentions.add(new MentionRow(submission, county, year, indicator, v, unit, "exact", evidence, offset, rule,
                true, "run-extract"));
        if (evidence.equals(OUTLIER_EVIDENCE)) {   // the runner-up candidate the selector did not choose
            mentions.add(new MentionRow(submission, county, year, indicator, 500.0, unit, "exact",
                    year + "年，" + name + "法律顾问列席会议500次。", offset + 40, indicator + ":other", false,
                    "run-extract"));
        }
    }

    private static <R extends Record> void writePartitioned(Path version, String table, Class<R> type, List<R> rows,
                                                            String partitionBy, String select) throws Exception {
        Path flat = version.resolveSibling("flat-" + table + ".parquet");
        ParquetTableWriter.writeAll(flat, type, rows);
        try (Connection c = WarehouseConnection.openDuckDb(); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT " + select + " FROM read_parquet(" + quote(flat.toString()) + ")) TO "
                    + quote(version.resolve(table).toString()) + " (FORMAT parquet, PARTITION_BY (" + partitionBy + "))");
        }
        Files.delete(flat);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static void deleteTree(Path p) {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // best effort: a temp folder
        }
    }
}
