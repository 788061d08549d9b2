package fazhi.cli;

import fazhi.ingest.SubmissionReader;
import fazhi.ingest.UnreadableSubmissionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "text", header = "Print a report's text as fazhi decodes it (what char_offset counts in).",
        mixinStandardHelpOptions = true,
        description = {"Prints the text of a report file (.txt .html .docx .doc .wps .pdf) exactly as the ingest step"
                + " decodes it. The char_offset of observations and mentions counts characters (UTF-16 code units) of"
                + " this text from 0: `./fazhi text FILE --at OFFSET` shows the figure there.",
                "FILE is the input folder joined with submissions.source_file."})
public class TextCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "the report file")
    Path file;

    @Option(names = "--at", paramLabel = "OFFSET", description = "print only the stretch around this char_offset,"
            + " the figure marked with [[ ]]")
    Integer at;

    @Option(names = "--context", defaultValue = "40", description = "characters either side with --at"
            + " (default: ${DEFAULT-VALUE})")
    int context;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println("fazhi text: " + file + ": no such file");
            return ExitCodes.USAGE;
        }
        String text;
        try {
            text = new SubmissionReader().read(file).text();
        } catch (UnreadableSubmissionException e) {
            err.println("fazhi text: " + file + ": " + e.code() + ": " + e.getMessage());
            return ExitCodes.RUN_FAILED;
        }
        if (at == null) {
            out.print(text);
        } else if (at < 0 || at >= text.length()) {
            err.println("fazhi text: offset " + at + " is outside the text (" + text.length() + " characters)");
            return ExitCodes.USAGE;
        } else {
            int end = at;
            while (end < text.length() && end - at < 12 && !Character.isWhitespace(text.charAt(end))
                    && "，,。；;、）)".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            out.println(text.substring(Math.max(0, at - context), at) + "[[" + text.substring(at, end) + "]]"
                    + text.substring(end, Math.min(text.length(), end + context)));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
