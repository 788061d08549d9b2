package fazhi.config.nightly;

import fazhi.normalize.StructuredFigures;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * read a table of figures (.csv / .json sent instead of prose), once: the later stages take whose figures
 * they are and the figures themselves from it. A table with a row that cannot be used is held back whole,
 * naming the row: the county should fix and resend it.
 */
public class ReadFigureTableProcessor implements ItemProcessor<ReportInProgress, ReportInProgress> {
    private final StructuredFigures tables;

    public ReadFigureTableProcessor(StructuredFigures tables) {
        this.tables = tables;
    }

    @Override
    public ReportInProgress process(ReportInProgress report) {
        if (report.stopped() || !StructuredFigures.isStructured(report.decoded().format())) {
            return report;
        }
        StructuredFigures.Table table = tables.read(report.decoded().format(), report.decoded().text());
        if (!table.problems().isEmpty()) {
            return report.stop(ReportInProgress.QUARANTINED, "table: " + String.join("; ", table.problems()))
                    .withoutText();
        }
        return report.withTable(table);
    }
}
