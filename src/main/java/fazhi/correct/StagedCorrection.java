package fazhi.correct;

import java.time.Instant;

/**
 * A correction as a run read it, staged for the compose step (a row of the run's corrections.parquet): a usable
 * correction, or a row that could not be used ({@code problem} set, the other fields as far as they were read).
 *
 * @param recordedIn {@value #INPUT} (corrections.csv of the input folder) or {@value #LEDGER} (the warehouse's)
 */
public record StagedCorrection(String recordedIn, int line, String regionCode, Integer year, String indicator,
                               Double value, String qualifier, boolean notReported, String reason,
                               String correctedBy, Instant correctedAt, String evidence, String problem) {
    public static final String INPUT = "input";
    public static final String LEDGER = "ledger";

    static StagedCorrection of(String recordedIn, CorrectionsFile.Entry e) {
        Correction c = e.correction();
        return new StagedCorrection(recordedIn, e.line(), c.regionCode().strip(), c.year(), c.indicator().strip(),
                c.value(), c.qualifier(), c.notReported(), c.reason(), c.by(), c.recordedAt(), c.evidence(), null);
    }

    static StagedCorrection problem(String recordedIn, CorrectionProblem p) {
        return new StagedCorrection(recordedIn, p.line(), null, null, null, null, null, false, null, null, null, null,
                p.describe());
    }
}
