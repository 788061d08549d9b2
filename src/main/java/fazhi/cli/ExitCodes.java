package fazhi.cli;

/** Exit codes of every command (documented in the README). */
public final class ExitCodes {
    /** Everything the run was given is published (or was already, or is a byte-identical duplicate). */
    public static final int OK = 0;
    /** The run failed: nothing was published; the warehouse is as it was before. */
    public static final int RUN_FAILED = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** The run published, but some submissions were quarantined or failed (see the submissions table). */
    public static final int PUBLISHED_WITH_QUARANTINES = 3;
    /** fazhi review import: some rows of the workbook could not be used (listed); the others were recorded. */
    public static final int SOME_ROWS_NOT_USED = 3;
    /** Another run holds the warehouse lock. */
    public static final int WAREHOUSE_BUSY = 4;
    /** A stop signal (TERM, INT) ended the run: nothing was published; the next run resumes it. */
    public static final int STOPPED = fazhi.config.StopSignals.EXIT_CODE;

    private ExitCodes() {
    }
}
