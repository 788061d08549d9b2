package fazhi.warehouse;

import java.util.List;

/** The tables of the warehouse contract (SPEC §5) and how each is partitioned on disk. */
public enum WarehouseTable {
    OBSERVATIONS("observations", List.of("year", "province")),
    MENTIONS("mentions", List.of("year")),
    SUBMISSIONS("submissions", List.of()),
    VALIDATION_ISSUES("validation_issues", List.of("year")),
    VALIDATION_SUMMARY("validation_summary", List.of()),
    /** the statisticians' corrections of figures (fazhi correct, corrections.csv) and what became of each */
    CORRECTIONS("corrections", List.of()),
    REGIONS("regions", List.of()),
    INDICATORS("indicators", List.of()),
    TRENDS("trends", List.of()),
    OUTLIERS("outliers", List.of("year")),
    BENFORD("benford", List.of()),
    /** which figures of the catalog each report discloses, and the provincial ranking on that share */
    DISCLOSURE("disclosure", List.of("year")),
    /** resident population of every county and year (2010 and 2020 censuses, schema/reference/) */
    POPULATION("population", List.of()),
    /** county code changes 2010-2024 and the series each code belongs to (schema/reference/) */
    REGION_LINEAGE("region_lineage", List.of()),
    KNOWLEDGE_FILES("knowledge_files", List.of()),
    RANKINGS("rankings", List.of("year")),
    /** every step's dataset of the ranking (raw → screened → treated → normalised → aggregated), long format */
    RANKING_STEPS("ranking_steps", List.of("year")),
    /** every value the ranking's outlier treatment changed */
    RANKING_TREATED_POINTS("ranking_treated_points", List.of("year")),
    /** parameters and outcomes of every ranking step, including the framework text */
    RANKING_LOG("ranking_log", List.of());

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
