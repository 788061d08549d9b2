package fazhi.cli;

import fazhi.report.ReportWarehouses;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code fazhi rank --index disclosure} over the report tests' panel warehouse. */
class DisclosureRankCommandTest {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int rank(String... args) {
        CommandLine cl = new CommandLine(new RankCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void givenTheDisclosureIndex_whenTable_thenEveryCountyWithItsShareRankAndInterval() throws Exception {
        Path wh = ReportWarehouses.panel();
        assertThat(rank("--year", "2023", "--province", "山东", "--index", "disclosure", "--warehouse", wh.toString()))
                .isZero();
        String text = out.toString();
        assertThat(text).contains("历下区").contains("钢城区").contains("90%区间").contains("/45");
        // 钢城区 reports four indicators, every other county of the panel twelve: it ranks last of twelve
        assertThat(text.lines().filter(l -> l.contains("钢城区")).findFirst().orElseThrow()).contains("12 ");
    }

    @Test
    void givenCsv_thenOneRowPerCountyWithTheIntervalColumns() throws Exception {
        Path wh = ReportWarehouses.panel();
        assertThat(rank("--year", "2023", "--province", "370000", "--index", "disclosure", "--format", "csv",
                "--warehouse", wh.toString())).isZero();
        String[] lines = out.toString().split("\r\n");
        assertThat(lines[0]).isEqualTo("year,province_code,province_name,rank,region_code,region_name,"
                + "indicators_disclosed,catalog_size,share,rank_p05,rank_median,rank_p95,peers,synthetic");
        assertThat(lines).hasSize(1 + 12);
    }

    @Test
    void givenAYearWithoutReports_thenTheUsageCodeAndTheYearsThereAre() throws Exception {
        assertThat(rank("--year", "1999", "--index", "disclosure", "--warehouse", ReportWarehouses.panel().toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("no disclosure for 1999").contains("has disclosure for ");
    }
}
