package fazhi.config.nightly;

/**
 * A table of figures once staged: how many figures it gave, and whose they are when every row names the
 * same region and year (a county's table); null when it spans several (a province's or a country's).
 */
public record StagedTable(long figures, String regionCode, Integer year) {
}
