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
 * The notebooks are committed clean (no outputs), name the Java kernel, and use only example queries that exist.
 * Executing them needs Jupyter and is done by notebooks/run-notebooks.sh, not by this test.
 */
class NotebooksTest {

    @Test
    void notebooksAreCleanJavaNotebooksWhoseQueriesExist() throws Exception {
        List<Path> notebooks;
        try (Stream<Path> s = Files.list(Path.of("notebooks"))) {
            notebooks = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertThat(notebooks).extracting(p -> p.getFileName().toString())
                .containsExactly("disclosure-index.ipynb", "outlier-review.ipynb", "province-ranking.ipynb",
                        "trend-analysis.ipynb");
        Pattern example = Pattern.compile("exampleQuery\\(\"([^\"]+)\"\\)");
        for (Path nb : notebooks) {
            JsonNode root = JsonMapper.builder().build().readTree(Files.readString(nb, StandardCharsets.UTF_8));
            assertThat(root.path("nbformat").asInt()).isEqualTo(4);
            assertThat(root.path("metadata").path("kernelspec").path("name").asString()).isEqualTo("rapaio-jupyter-kernel");
            for (JsonNode cell : root.path("cells")) {
                if (!cell.path("cell_type").asString().equals("code")) {
                    continue;
                }
                assertThat(cell.path("outputs").size()).as("%s is committed without outputs", nb).isZero();
                StringBuilder src = new StringBuilder();
                cell.path("source").forEach(line -> src.append(line.asString()));
                Matcher m = example.matcher(src);
                while (m.find()) {
                    assertThat(Path.of("docs/queries", m.group(1))).as("query used by %s", nb).isRegularFile();
                }
            }
        }
        assertThat(Path.of("notebooks/run-notebooks.sh")).isExecutable();
    }
}
