package fazhi.rank;

import fazhi.cli.ExitCodes;
import fazhi.cli.RankCommand;
import fazhi.warehouse.WarehouseConnection;
import fazhi.warehouse.WarehouseLayout;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/** fazhi rank over a published warehouse (current → _versions/RUN) holding the hand panel's rankings. */
class RankCommandTest {
    @TempDir
    Path tmp;
    Path root;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void publish() throws Exception {
        root = tmp.resolve("wh");
        WarehouseLayout layout = new WarehouseLayout(root);
        Path version = RankingRunnerTest.handPanel().write(tmp.resolve("build"));
        Files.createDirectories(layout.versions());
        Path published = Files.move(version, layout.version("run-1"));
        try (Connection c = WarehouseConnection.openVersion(published)) {
            new RankingRunner().run(c, published, Frameworks.parse(Frameworks.defaultFour()), "run-1");
        }
        Files.createSymbolicLink(layout.current(), published);
    }

    int rank(String... args) {
        CommandLine cl = new CommandLine(new RankCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void givenProvinceName_whenTable_thenChineseNamesRanksAndIntervals() {
        assertThat(rank("--year", "2023", "--province", "山东", "--warehouse", root.toString())).isZero();
        String text = out.toString();
        assertThat(text).contains("历下区").contains("山东省").contains("75.00").contains("未排名：coverage");
        assertThat(text.lines().toList().get(0)).startsWith("省").contains("名次").contains("90%区间");
        assertThat(text.lines().toList().get(1)).startsWith("山东省").contains("1");
    }

    @Test
    void givenLangEn_whenTable_thenEnglishHeadersAndNotesWithTheSameRows() {
        assertThat(rank("--year", "2023", "--province", "山东", "--lang", "en", "--warehouse", root.toString())).isZero();
        String text = out.toString();
        assertThat(text.lines().toList().get(0)).startsWith("province").contains("rank").contains("90% interval");
        assertThat(text).contains("历下区").contains("75.00").contains("not ranked: coverage").doesNotContain("未排名");
    }

    @Test
    void givenCsv_thenRfc4180WithHeaderAndNullsEmpty() {
        assertThat(rank("--year", "2023", "--province", "370000", "--format", "csv", "--warehouse", root.toString())).isZero();
        String[] lines = out.toString().split("\r\n");
        assertThat(lines[0]).isEqualTo("year,province_code,province_name,rank,region_code,region_name,score,rank_p05,"
                + "rank_median,rank_p95,indicators_used,indicators_imputed,coverage,ranked,not_ranked_reason,synthetic");
        assertThat(lines).hasSize(6);
        assertThat(lines[1]).startsWith("2023,370000,山东省,1,370102,历下区,75,");   // as fazhi sql writes numbers
        // the not-ranked county: empty rank and score, quoted reason (it has a comma)
        assertThat(lines[5]).startsWith("2023,370000,山东省,,370112,").contains(",\"coverage: 2 of 4");
    }

    @Test
    void givenJson_thenOneObjectPerCounty() {
        assertThat(rank("--year", "2023", "--province", "山东省", "--format", "json", "--warehouse", root.toString())).isZero();
        assertThat(out.toString()).contains("\"region_name\" : \"历下区\"").contains("\"rank_p05\"");
    }

    @Test
    void givenUnknownProvinceOrYearOrNoWarehouse_thenTheUsageExitCodeWithMessage() {
        assertThat(rank("--year", "2023", "--province", "火星", "--warehouse", root.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("unknown province '火星'");
        assertThat(rank("--year", "2023", "--warehouse", tmp.resolve("nowhere").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("no published warehouse at");
    }

    @Test
    void givenAYearTheWarehouseLacks_thenItListsTheYearsAndProvincesItHas() {
        assertThat(rank("--year", "2030", "--province", "山东", "--warehouse", root.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("no rankings for 2030 in 山东省 (370000)").contains("has rankings for 2023")
                .contains("in 2023: 山东省 (370000)").doesNotContain("run `./fazhi run`");
    }
}
