package fazhi.cli;

import picocli.CommandLine.Command;

@Command(name = "ingest", header = "Read, extract, validate and publish reports (no statistics or rankings).", mixinStandardHelpOptions = true,
        description = {"Read, extract, validate and publish the reports of the input folder, without recomputing statistics and rankings (run `fazhi stats` or `fazhi run` for those). Exit codes as for `fazhi run`."})
public class IngestCommand extends RunCommand {
    @Override
    String jobName() {
        return "ingest";
    }
}
