package fazhi.cli;

import java.sql.SQLException;

/**
 * Exit codes of every command (the table is in the README, "Exit codes"). The same mistake gives the same code
 * whichever command meets it: a warehouse folder with nothing published, an unknown province, year or indicator,
 * a query DuckDB rejects are all {@link #USAGE}, since the user fixes them by changing the command.
 */
public final class ExitCodes {
    /** Done: everything the run was given is published (or was already, or is a byte-identical duplicate). */
    public static final int OK = 0;
    /** fazhi failed at what was asked (the run failed: nothing published; a file could not be written or read). */
    public static final int RUN_FAILED = 1;
    /**
     * The command asks for something that is wrong or not there: an unknown option or value, province, year or
     * indicator; a query DuckDB rejects; a warehouse folder where nothing is published yet.
     */
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

    /**
     * A failed query: {@link #USAGE} when the statement is at fault (DuckDB's parser, binder, catalog, conversion
     * errors …), {@link #RUN_FAILED} when DuckDB could not read the warehouse or ran out of memory.
     */
    public static int ofQuery(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.startsWith("IO Error") || m.startsWith("Out of Memory Error") || m.startsWith("INTERNAL Error")
                || m.startsWith("FATAL Error") ? RUN_FAILED : USAGE;
    }
}
