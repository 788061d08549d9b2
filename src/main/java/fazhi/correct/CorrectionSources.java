package fazhi.correct;

import fazhi.warehouse.ParquetTableWriter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The corrections a run applies: {@code corrections.csv} of the input folder and the warehouse's ledger, read
 * once at the start of the run and staged as one Parquet file (so that a restarted run applies the same ones).
 */
public final class CorrectionSources {
    private final CorrectionsFile input;
    private final CorrectionsFile ledger;
    private final CorrectionRules rules;

    public CorrectionSources(Path inputDir, Path warehouse, CorrectionRules rules) {
        this.input = CorrectionsFile.inInputFolder(inputDir);
        this.ledger = CorrectionsFile.ledgerOf(warehouse);
        this.rules = rules;
    }

    /** What was staged: usable corrections and the problems of the rows that could not be used. */
    public record Staged(int corrections, List<CorrectionProblem> problems) {
    }

    public Staged stage(Path file) {
        List<StagedCorrection> rows = new ArrayList<>();
        List<CorrectionProblem> problems = new ArrayList<>();
        read(StagedCorrection.INPUT, input, rows, problems);
        read(StagedCorrection.LEDGER, ledger, rows, problems);
        ParquetTableWriter.writeAll(file, StagedCorrection.class, rows);
        return new Staged(rows.size() - problems.size(), problems);
    }

    private void read(String recordedIn, CorrectionsFile file, List<StagedCorrection> rows,
                      List<CorrectionProblem> problems) {
        CorrectionsFile.Read read = file.read(rules);
        read.corrections().forEach(e -> rows.add(StagedCorrection.of(recordedIn, e)));
        read.problems().forEach(p -> rows.add(StagedCorrection.problem(recordedIn, p)));
        problems.addAll(read.problems());
    }
}
