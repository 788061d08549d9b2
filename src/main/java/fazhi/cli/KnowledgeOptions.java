package fazhi.cli;

import fazhi.reference.KnowledgeFiles;
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

    /** Chooses the knowledge for this process; an absent folder or file fails here, before anything runs. */
    void apply() {
        KnowledgeFiles.use(catalog, framework);
    }

    /** Back to the bundled knowledge once the command is done (commands may run in one JVM, as in the tests). */
    void reset() {
        KnowledgeFiles.useBundled();
    }
}
