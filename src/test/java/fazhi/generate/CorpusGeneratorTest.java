package fazhi.generate;

import fazhi.cli.GenerateCommand;
import fazhi.reference.Region;
import fazhi.reference.RegionTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CorpusGeneratorTest {
    static final String MARKER = PhraseBank.bundled().marker();

    @TempDir
    static Path tmp;
    static Path corpus;
    static CorpusGenerator.Summary summary;
    static List<List<String>> manifest;
    static List<List<String>> observations;
    static List<List<String>> surfaces;
    static List<List<String>> outliers;
    static Map<String, String> texts = new HashMap<>();

    @BeforeAll
    static void generate() throws IOException {
        corpus = tmp.resolve("corpus");
        // dense: these tests check that every surface form and phrasing is rendered, which needs many figures
        summary = CorpusGenerator.bundled().generate(CorpusGenerator.Options.of(corpus, 60, 2018, 2023, 11)
                .withDense());
        manifest = ReadBack.csv(corpus.resolve("reports/manifest.csv"));
        observations = ReadBack.csv(corpus.resolve("truth/observations.csv"));
        surfaces = ReadBack.csv(corpus.resolve("truth/surfaces.csv"));
        outliers = ReadBack.csv(corpus.resolve("truth/outliers.csv"));
        for (List<String> row : manifest.subList(1, manifest.size())) {
            texts.put(row.get(0), ReadBack.text(corpus.resolve("reports").resolve(row.get(0))));
        }
    }

    private static List<Path> reportFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root.resolve("reports"))) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals("manifest.csv")).sorted().toList();
        }
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Path c = tmp.resolve("c");
        CorpusGenerator gen = CorpusGenerator.bundled();
        gen.generate(CorpusGenerator.Options.of(a, 12, 2020, 2023, 5));
        gen.generate(CorpusGenerator.Options.of(b, 12, 2020, 2023, 5));
        gen.generate(CorpusGenerator.Options.of(c, 12, 2020, 2023, 6));
        Map<String, byte[]> filesA = allFiles(a);
        Map<String, byte[]> filesB = allFiles(b);
        assertThat(filesA.keySet()).isEqualTo(filesB.keySet());
        assertThat(filesA.keySet()).anyMatch(k -> k.endsWith(".docx"));
        for (String k : filesA.keySet()) {
            assertThat(filesB.get(k)).as(k).isEqualTo(filesA.get(k));
        }
        assertThat(Arrays.equals(allFiles(c).get("truth/observations.csv"), filesA.get("truth/observations.csv")))
                .isFalse();
        // regenerating into an earlier corpus replaces it, with the same result
        gen.generate(CorpusGenerator.Options.of(a, 12, 2020, 2023, 5));
        assertThat(allFiles(a).keySet()).isEqualTo(filesA.keySet());
    }

    private static Map<String, byte[]> allFiles(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return out;
    }

    @Test
    void refusesAFolderThatHoldsSomethingElse() throws IOException {
        Path other = tmp.resolve("other");
        Files.createDirectories(other);
        Files.writeString(other.resolve("precious.txt"), "keep me");
        assertThatThrownBy(() -> CorpusGenerator.bundled().generate(CorpusGenerator.Options.of(other, 2, 2020, 2021, 1)))
                .isInstanceOf(IOException.class).hasMessageContaining("not empty");
        assertThat(other.resolve("precious.txt")).exists();
    }

    @Test
    void manifestAndTruthAgree() throws IOException {
        assertThat(manifest.get(0)).containsExactly("file", "region_code", "year", "synthetic");
        assertThat(observations.get(0)).containsExactly("region_code", "year", "indicator", "value", "qualifier");
        assertThat(outliers.get(0)).containsExactly("region_code", "year", "indicator", "kind", "factor");
        Set<String> inManifest = new HashSet<>();
        Set<String> reportKeys = new HashSet<>();
        RegionTable regions = RegionTable.bundled();
        for (List<String> row : manifest.subList(1, manifest.size())) {
            assertThat(corpus.resolve("reports").resolve(row.get(0))).isRegularFile();
            assertThat(row.get(3)).isEqualTo("true");
            Region region = regions.byCode(row.get(1)).orElseThrow();
            assertThat(region.level()).isEqualTo("county");
            assertThat(row.get(0)).isEqualTo(region.provinceCode() + "/" + row.get(1) + "_" + row.get(2) + "."
                    + row.get(0).substring(row.get(0).lastIndexOf('.') + 1));
            inManifest.add(row.get(0));
            assertThat(reportKeys.add(row.get(1) + "/" + row.get(2))).as("one report per county-year").isTrue();
        }
        for (Path p : reportFiles(corpus)) {
            assertThat(inManifest).contains(corpus.resolve("reports").relativize(p).toString().replace('\\', '/'));
        }
        assertThat(inManifest).hasSize(summary.reports());
        Set<String> obsKeys = new HashSet<>();
        for (List<String> row : observations.subList(1, observations.size())) {
            assertThat(reportKeys).contains(row.get(0) + "/" + row.get(1));
            assertThat(obsKeys.add(row.get(0) + "/" + row.get(1) + "/" + row.get(2)))
                    .as("one truth row per region, year, indicator").isTrue();
            assertThat(row.get(4)).isIn("exact", "at_least", "approx");
            assertThat(new BigDecimal(row.get(3)).signum()).isGreaterThanOrEqualTo(0);
        }
        assertThat(observations.size() - 1).isEqualTo((int) summary.observations());
        assertThat(surfaces.size()).isEqualTo(observations.size());
        for (List<String> row : outliers.subList(1, outliers.size())) {
            assertThat(row.get(3)).isIn("level", "jump");
            assertThat(obsKeys).as("an injected outlier is written in its report").contains(row.get(0) + "/" + row.get(1) + "/" + row.get(2));
            double f = Double.parseDouble(row.get(4));
            assertThat(f > 2 || f < 0.5).isTrue();
        }
        assertThat(outliers.size() - 1).isEqualTo(summary.outliers()).isGreaterThan(0);
        // 60 counties over 6 years: every indicator of the catalog appears somewhere
        Set<String> indicators = new HashSet<>();
        observations.subList(1, observations.size()).forEach(r -> indicators.add(r.get(2)));
        assertThat(indicators).hasSize(PhraseBank.bundled().indicators().size());
    }

    @Test
    void partsNeverExceedTotalsAndRatesAreConsistent() {
        Map<String, Map<String, BigDecimal>> byReport = new HashMap<>();
        Map<String, String> qualifier = new HashMap<>();
        for (List<String> row : observations.subList(1, observations.size())) {
            byReport.computeIfAbsent(row.get(0) + "/" + row.get(1), k -> new HashMap<>())
                    .put(row.get(2), new BigDecimal(row.get(3)));
            qualifier.put(row.get(0) + "/" + row.get(1) + "/" + row.get(2), row.get(4));
        }
        PhraseBank bank = PhraseBank.bundled();
        int partChecks = 0;
        int rateChecks = 0;
        for (Map.Entry<String, Map<String, BigDecimal>> e : byReport.entrySet()) {
            Map<String, BigDecimal> v = e.getValue();
            for (PhraseBank.IndicatorSpec spec : bank.indicators()) {
                BigDecimal x = v.get(spec.code());
                if (x == null) {
                    continue;
                }
                if (spec.rate()) {
                    assertThat(x.doubleValue()).as(e.getKey() + " " + spec.code()).isBetween(0.0, 100.0);
                }
                if (spec.partOf() != null && v.containsKey(spec.partOf())) {
                    assertThat(x).as(e.getKey() + " " + spec.code()).isLessThanOrEqualTo(v.get(spec.partOf()));
                    partChecks++;
                }
                if (spec.rateNumerator() != null && v.containsKey(spec.rateNumerator())
                        && v.containsKey(spec.rateDenominator())) {
                    double expected = 100.0 * v.get(spec.rateNumerator()).doubleValue()
                            / v.get(spec.rateDenominator()).doubleValue();
                    assertThat(x.doubleValue()).as(e.getKey()).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.5));
                    rateChecks++;
                }
            }
            BigDecimal total = v.get("normdoc_cleanup_total");
            if (total != null) {
                BigDecimal parts = BigDecimal.ZERO;
                for (String p : List.of("normdoc_retained", "normdoc_repealed", "normdoc_invalidated")) {
                    parts = parts.add(v.getOrDefault(p, BigDecimal.ZERO));
                }
                assertThat(parts).as(e.getKey()).isLessThanOrEqualTo(total);
            }
            for (String code : v.keySet()) {
                if (bank.byCode.get(code).derived() || code.equals("mediation_cases") || code.equals("recon_applications")) {
                    assertThat(qualifier.get(e.getKey() + "/" + code)).as("related figures are exact").isEqualTo("exact");
                }
            }
        }
        assertThat(partChecks).isGreaterThan(20);
        assertThat(rateChecks).isGreaterThan(5);
    }

    @Test
    void formatsEncodingsAndSizesLikeTheRealReports() throws IOException {
        Map<String, Integer> kinds = new TreeMap<>();
        List<Long> sizes = new ArrayList<>();
        int total = 0;
        for (Path p : reportFiles(corpus)) {
            byte[] bytes = Files.readAllBytes(p);
            String name = p.getFileName().toString();
            String ext = name.substring(name.lastIndexOf('.') + 1);
            boolean binary = ext.equals("docx") || ext.equals("doc") || ext.equals("pdf");
            String kind = binary ? ext : ext + "/" + (ReadBack.isUtf8(bytes) ? "utf-8" : "gb18030");
            kinds.merge(kind, 1, Integer::sum);
            if (kind.equals("html/gb18030")) {
                String head = new String(bytes, 0, 300, StandardCharsets.ISO_8859_1);
                assertThat(head).containsPattern("charset=(gb2312|gbk)");
            }
            if (kind.equals("html/utf-8")) {
                assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("<meta charset=\"utf-8\">");
            }
            if (ext.equals("doc") || ext.equals("pdf")) {
                // Word binaries carry a fixed ~9 KB of structure; PDFs their fonts and page descriptions
                assertThat((long) bytes.length).as(name).isBetween(8_000L, 200_000L);
                total++;
                continue;
            }
            sizes.add((long) bytes.length);
        }
        total += sizes.size();
        assertThat(kinds).containsKeys("txt/utf-8", "txt/gb18030", "html/utf-8", "html/gb18030", "docx", "doc", "pdf");
        for (int n : kinds.values()) {
            assertThat(n).isGreaterThanOrEqualTo(total / 25);
        }
        // what county sites publish: mostly web pages and PDFs, some Word files, few plain texts
        int txt = kinds.getOrDefault("txt/utf-8", 0) + kinds.getOrDefault("txt/gb18030", 0);
        assertThat(kinds.get("html/utf-8") + kinds.get("html/gb18030") + kinds.get("pdf")).isGreaterThan(total / 2);
        assertThat(txt).isLessThan(kinds.get("pdf"));
        assertThat(sizes).allSatisfy(s -> assertThat(s).isBetween(3_500L, 26_000L));
        long inRange = sizes.stream().filter(s -> s >= 5_000 && s <= 20_000).count();
        assertThat(inRange).isGreaterThanOrEqualTo((long) (0.9 * sizes.size()));
    }

    @Test
    void everythingIsMarkedSynthetic() throws IOException {
        assertThat(Files.readString(corpus.resolve("README.txt"))).startsWith(CorpusGenerator.README_FIRST_LINE)
                .contains("synthetic");
        assertThat(MARKER).doesNotContainPattern("[0-9０-９]");
        texts.forEach((file, text) -> assertThat(text).as(file).contains(MARKER));
    }

    @Test
    void truthFiguresAppearInTheTextInTheirDeclaredForm() {
        assertThat(surfaces.get(0)).containsExactly("file", "region_code", "year", "indicator", "value", "qualifier",
                "form", "surface", "evidence");
        Map<String, Integer> forms = new TreeMap<>();
        for (List<String> row : surfaces.subList(1, surfaces.size())) {
            String text = texts.get(row.get(0));
            String form = row.get(6);
            String surface = row.get(7);
            forms.merge(form, 1, Integer::sum);
            // a PDF's text layer keeps no space that fell at the end of a printed line ("453 件" broken after 453)
            boolean pdf = row.get(0).endsWith(".pdf");
            assertThat(pdf ? text.replace(" ", "") : text).as(row.toString())
                    .contains(pdf ? surface.replace(" ", "") : surface);
            if (form.equals("table")) {
                assertThat(row.get(0)).doesNotEndWith(".txt");
                String label = row.get(8).substring(0, row.get(8).indexOf(" | "));
                assertThat(text).contains(label);
                assertThat(new BigDecimal(surface)).isEqualByComparingTo(row.get(4));
                continue;
            }
            assertThat(pdf ? text.replace(" ", "") : text).as(row.toString())
                    .contains(pdf ? row.get(8).replace(" ", "") : row.get(8));
            assertThat(row.get(8)).contains(surface);
            ReadBack.Decoded d = ReadBack.decode(surface);
            assertThat(d.value()).as(row.toString()).isEqualByComparingTo(row.get(4));
            assertThat(d.qualifier()).as(row.toString()).isEqualTo(row.get(5));
        }
        assertThat(forms).containsKeys("arabic", "chinese", "fullwidth", "wan", "yu", "yue", "yishang", "table");
    }

    @Test
    void chromeDistractorsAndQuirksArePresent() {
        String all = String.join("\n", texts.values());
        assertThat(all).contains("当前位置", "索引号", "扫一扫", "(略)", "同比增长", "个百分点", "〔", "其中", "[bookmark: _GoBack]");
        // the index number embeds the region code, as on the real sites
        long withIndex = texts.entrySet().stream().filter(e -> e.getValue().contains("索引号"))
                .filter(e -> e.getValue().contains("11" + e.getKey().substring(e.getKey().indexOf('/') + 1, e.getKey().indexOf('/') + 7)))
                .count();
        assertThat(withIndex).isGreaterThan(0);
        // some reports are the whole body pasted twice
        long twice = texts.values().stream().filter(t -> {
            int i = t.indexOf("特此报告");
            return i >= 0 && t.indexOf("特此报告", i + 1) > 0;
        }).count();
        assertThat(twice).isGreaterThan(0);
        // titles: with and without 人民政府 / 关于 / 度
        assertThat(all).containsPattern("人民政府关于20\\d\\d年度法治政府建设情况的报告");
        assertThat(all).containsPattern("[县区市旗]20\\d\\d年度法治政府建设工作报告");
    }

    @Test
    void countiesFollowTheProvincesShares() {
        RegionTable regions = RegionTable.bundled();
        CountySampler sampler = new CountySampler(regions);
        List<Region> picked = sampler.proportional(285, 3);
        assertThat(picked).hasSize(285).doesNotHaveDuplicates();
        assertThat(sampler.proportional(285, 3)).isEqualTo(picked);
        assertThat(sampler.proportional(285, 4)).isNotEqualTo(picked);
        int total = sampler.eligibleCount();
        Map<String, Integer> counts = new HashMap<>();
        picked.forEach(r -> counts.merge(r.provinceCode(), 1, Integer::sum));
        sampler.byProvince().forEach((p, list) -> {
            double exact = 285.0 * list.size() / total;
            assertThat((double) counts.getOrDefault(p, 0)).as(p).isBetween(Math.floor(exact), Math.ceil(exact));
        });
        assertThat(sampler.proportional(total, 1)).hasSize(total);
        assertThatThrownBy(() -> sampler.proportional(total + 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void demoPanelHasThreeProvincesOverFiveYears() throws IOException {
        Path demo = tmp.resolve("demo");
        CorpusGenerator.Summary s = DemoPanel.generate(demo);
        assertThat(s.counties()).isEqualTo(24);
        assertThat(s.reportsDir()).isEqualTo(demo.resolve("reports"));
        List<List<String>> rows = ReadBack.csv(demo.resolve("reports/manifest.csv"));
        Set<String> provinces = new HashSet<>();
        Set<String> years = new HashSet<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            provinces.add(r.get(0).substring(0, 6));
            years.add(r.get(2));
        }
        assertThat(provinces).containsExactlyInAnyOrder("370000", "520000", "150000");
        assertThat(years).containsExactlyInAnyOrder("2019", "2020", "2021", "2022", "2023");
        assertThat(s.observations()).isGreaterThan(1000);
    }

    @Test
    void commandLine() {
        Path out = tmp.resolve("cli");
        CommandLine cli = new CommandLine(new GenerateCommand());
        assertThat(cli.execute("--out", out.toString(), "--counties", "2", "--years", "2023/2024")).isEqualTo(2);
        assertThat(cli.execute("--out", out.toString(), "--counties", "99999", "--years", "2020-2021")).isEqualTo(2);
        // --quiet is fazhi's, inherited by every command
        assertThat(fazhi.cli.FazhiMain.execute("generate", "--out", out.toString(), "--counties", "3", "--years",
                "2021-2022", "--seed", "9", "--quiet")).isEqualTo(0);
        assertThat(out.resolve("reports/manifest.csv")).isRegularFile();
        assertThat(out.resolve("truth/observations.csv")).isRegularFile();
    }
}
