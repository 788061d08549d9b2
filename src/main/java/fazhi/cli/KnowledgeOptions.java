package fazhi.cli;

import fazhi.extract.ExtractionLexicon;
import fazhi.extract.TextCleaner;
import fazhi.rank.RankingFramework;
import fazhi.reference.IndicatorCatalog;
import fazhi.reference.KnowledgeFiles;
import fazhi.stats.StatisticsParameters;
import fazhi.validate.ValidationRuleSet;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options that choose the knowledge a job runs with (run, ingest, schedule, stats): edited copies, no rebuild. */
public class KnowledgeOptions {

    @Option(names = "--catalog", paramLabel = "DIR",
            description = "a folder of edited knowledge files (indicators.yaml, extraction-lexicon.yaml, "
                    + "validation-rules.yaml, regions.csv, … at their path below schema/ or jobs/, or at their "
                    + "repository path); a file absent there is the bundled one. The warehouse records which "
                    + "files a version was made with (table knowledge_files)")
    Path catalog;

    @Option(names = "--framework", paramLabel = "FILE",
            description = "the ranking framework to use instead of jobs/ranking-default.yaml")
    Path framework;

    /**
     * Chooses the knowledge for this process and reads the edited copies once, so that an absent folder or a
     * broken file fails here with its one-line message, before the job starts (and Spring logs a stack trace).
     */
    void apply() {
        KnowledgeFiles.use(catalog, framework);
        if (catalog != null || framework != null) {
            IndicatorCatalog.bundled();
            ExtractionLexicon.bundled();
            new TextCleaner();
            ValidationRuleSet.bundled();
            RankingFramework.bundledDefault();
            StatisticsParameters.bundled();
        }
    }

    /** Back to the bundled knowledge once the command is done (commands may run in one JVM, as in the tests). */
    void reset() {
        KnowledgeFiles.useBundled();
    }
}
