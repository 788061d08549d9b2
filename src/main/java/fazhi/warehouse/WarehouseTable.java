package fazhi.warehouse;

import java.util.List;

/** The tables of the warehouse contract (SPEC §5) and how each is partitioned on disk. */
public enum WarehouseTable {
    OBSERVATIONS("observations", List.of("year", "province")),
    MENTIONS("mentions", List.of("year")),
    SUBMISSIONS("submissions", List.of()),
    VALIDATION_ISSUES("validation_issues", List.of("year")),
    VALIDATION_SUMMARY("validation_summary", List.of()),
    REGIONS("regions", List.of()),
    INDICATORS("indicators", List.of()),
    TRENDS("trends", List.of()),
    OUTLIERS("outliers", List.of("year")),
    BENFORD("benford", List.of()),
    RANKINGS("rankings", List.of("year"));

    private final String tableName;
    private final List<String> partitionColumns;

    WarehouseTable(String tableName, List<String> partitionColumns) {
        this.tableName = tableName;
        this.partitionColumns = partitionColumns;
    }

    public String tableName() {
        return tableName;
    }

    public List<String> partitionColumns() {
        return partitionColumns;
    }

    public boolean partitioned() {
        return !partitionColumns.isEmpty();
    }
}
