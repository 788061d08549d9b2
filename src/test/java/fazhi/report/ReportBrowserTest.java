package fazhi.report;

import fazhi.warehouse.WarehouseConnection;
import fazhi.warehouse.WarehouseLayout;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loads the report of the panel warehouse in Debian's headless chromium: a screenshot that shows something, and a
 * DOM dump showing that every inline SVG was parsed as SVG and nothing raised an error. Runs in the normal build
 * and fails (does not skip) without /usr/bin/chromium: CI installs it ({@code apt-get install chromium}).
 * The screenshot is kept as target/report-screenshot.png (docs/report-screenshot.png is a copy of it).
 */
@Tag("browser")
class ReportBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    /** Sets the title to "ok svg=N bad=M" on load, or "error: ..." on any script error. */
    static final String PROBE = "<script>(function(){var errs=[];"
            + "window.addEventListener('error',function(e){errs.push(String(e.message));});"
            + "window.addEventListener('load',function(){var s=document.querySelectorAll('svg');var bad=0;"
            + "for(var i=0;i<s.length;i++){if(!(s[i] instanceof SVGSVGElement)||s[i].getBBox===undefined){bad++;}}"
            + "document.title=errs.length?('error: '+errs.join('; ')):('ok svg='+s.length+' bad='+bad);});})();</script>";

    @Test
    void givenThePanelReport_whenLoadedInHeadlessChromium_thenItRendersWithoutErrors(@TempDir Path tmp) throws Exception {
        assertThat(Files.isExecutable(CHROMIUM))
                .as("Debian's chromium is needed for this test: apt-get install --no-install-recommends chromium").isTrue();
        ReportData data;
        try (Connection c = WarehouseConnection.openPublished(new WarehouseLayout(ReportWarehouses.panel()))) {
            data = new ReportLoader(c).load(ReportLoader.Request.of(ReportWarehouses.PANEL_YEAR, null, null),
                    "panel fixture (src/test/java/fazhi/report/ReportWarehouses.java)");
        }
        String html = HtmlReport.render(data, Instant.parse("2024-03-01T08:00:00Z"), Messages.Lang.en);
        int svgs = HtmlReportTest.count(html, "<svg ");
        Path page = tmp.resolve("report.html");
        Files.writeString(page, html, StandardCharsets.UTF_8);

        // 1. screenshot
        Path png = tmp.resolve("report.png");
        Result shot = chromium(tmp, "--screenshot=" + png, "--window-size=1280,2000", page.toUri().toString());
        assertThat(shot.exit).as("chromium --screenshot exit; stderr:%n%s", shot.stderr).isZero();
        assertThat(png).isRegularFile();
        assertThat(Files.size(png)).as("screenshot bytes").isGreaterThan(30_000);
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(1280);
        assertThat(img.getHeight()).isEqualTo(2000);
        assertThat(distinctColours(img)).as("distinct colours in the screenshot").isGreaterThan(40);
        assertThat(nonWhiteRows(img)).as("rows with ink").isGreaterThan(600);
        Files.createDirectories(Path.of("target"));
        Files.copy(png, Path.of("target/report-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);

        // 2. DOM after load, with a probe script, and the browser's console log on stderr
        Path probed = tmp.resolve("probed.html");
        Files.writeString(probed, html.replace("</body>", PROBE + "</body>"), StandardCharsets.UTF_8);
        Result dom = chromium(tmp, "--enable-logging=stderr", "--v=0", "--dump-dom", probed.toUri().toString());
        assertThat(dom.exit).as("chromium --dump-dom exit; stderr:%n%s", dom.stderr).isZero();
        Matcher title = Pattern.compile("<title>([^<]*)</title>").matcher(dom.stdout);
        assertThat(title.find()).as("a title in the dumped DOM").isTrue();
        assertThat(title.group(1)).isEqualTo("ok svg=" + svgs + " bad=0");
        assertThat(dom.stdout).contains("山东省").contains("SYNTHETIC DATA").contains("rank-bar");
        assertThat(consoleProblems(dom.stderr)).as("console errors / failed loads").isEmpty();
    }

    record Result(int exit, String stdout, String stderr) {
    }

    static Result chromium(Path tmp, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
                "--user-data-dir=" + Files.createTempDirectory(tmp, "chromium-profile")));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "chromium", ".out");
        Path err = Files.createTempFile(tmp, "chromium", ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("chromium did not finish in 120 s: " + String.join(" ", cmd));
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Lines of chromium's log that mean the page misbehaved (script errors, resources that failed to load). */
    static List<String> consoleProblems(String stderr) {
        List<String> out = new ArrayList<>();
        for (String line : stderr.split("\n")) {
            if (line.contains("Uncaught") || line.contains(":CONSOLE") && line.contains("ERROR")
                    || line.contains("Failed to load resource") || line.contains("net::ERR_")) {
                out.add(line);
            }
        }
        return out;
    }

    static int distinctColours(BufferedImage img) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                colours.add(img.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return colours.size();
    }

    static int nonWhiteRows(BufferedImage img) {
        int rows = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    rows++;
                    break;
                }
            }
        }
        return rows;
    }
}
