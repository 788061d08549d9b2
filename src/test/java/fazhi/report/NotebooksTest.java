package fazhi.report;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notebooks are committed clean (no outputs), name the R kernel, have Chinese headings, read the warehouse
 * through notebooks/fazhi.R (`fazhi sql --format csv`) and use only example queries that exist. Executing them
 * needs Jupyter and R and is done by notebooks/run-notebooks.sh (./fazhi test), not by this test.
 */
class NotebooksTest {

    @Test
    void notebooksAreCleanRNotebooksWithChineseHeadingsWhoseQueriesExist() throws Exception {
        List<Path> notebooks;
        try (Stream<Path> s = Files.list(Path.of("notebooks"))) {
            notebooks = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertThat(notebooks).extracting(p -> p.getFileName().toString())
                .containsExactly("disclosure-index.ipynb", "outlier-review.ipynb", "province-ranking.ipynb",
                        "trend-analysis.ipynb");
        Pattern example = Pattern.compile("example_query(?:_for)?\\(\"([^\"]+)\"");
        for (Path nb : notebooks) {
            JsonNode root = JsonMapper.builder().build().readTree(Files.readString(nb, StandardCharsets.UTF_8));
            assertThat(root.path("nbformat").asInt()).isEqualTo(4);
            assertThat(root.path("metadata").path("kernelspec").path("name").asString()).as("%s kernel", nb).isEqualTo("ir");
            boolean sourcesHelper = false;
            int headings = 0;
            for (JsonNode cell : root.path("cells")) {
                StringBuilder src = new StringBuilder();
                cell.path("source").forEach(line -> src.append(line.asString()));
                if (cell.path("cell_type").asString().equals("markdown")) {
                    for (String line : src.toString().split("\n")) {
                        if (line.startsWith("#")) {
                            headings++;
                            assertThat(line).as("a heading of %s in Chinese", nb).matches(".*\\p{IsHan}.*");
                        }
                    }
                    continue;
                }
                assertThat(cell.path("outputs").size()).as("%s is committed without outputs", nb).isZero();
                assertThat(src.toString()).as("%s reads the warehouse through fazhi.R, not a driver", nb)
                        .doesNotContain("jdbc", "DBI::", "library(duckdb)");
                sourcesHelper |= src.toString().contains("source(\"fazhi.R\")");
                Matcher m = example.matcher(src);
                while (m.find()) {
                    assertThat(Path.of("docs/queries", m.group(1))).as("query used by %s", nb).isRegularFile();
                }
            }
            assertThat(sourcesHelper).as("%s sources fazhi.R", nb).isTrue();
            assertThat(headings).as("%s has headings", nb).isGreaterThanOrEqualTo(3);
        }
        assertThat(Files.readString(Path.of("notebooks/fazhi.R"), StandardCharsets.UTF_8))
                .contains("\"--format\", \"csv\"").contains("WenQuanYi Micro Hei");
        assertThat(Path.of("notebooks/run-notebooks.sh")).isExecutable();
    }
}
