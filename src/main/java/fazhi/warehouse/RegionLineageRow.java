package fazhi.warehouse;

/**
 * A row of {@code region_lineage}: one code change or boundary transfer of schema/reference/
 * ({@link fazhi.reference.RegionLineage}).
 *
 * @param change         renamed, recoded, merged, created, split, abolished, or transferred (part of the land moved,
 *                       neither code changed)
 * @param continuesSeries true for renamed and recoded: one series runs from the old code into the new one
 * @param seriesCode     the latest code of the old code's series (the old code itself when it was not recoded)
 * @param currentCode    the code that holds the old code's land now; null when it was divided among several
 */
public record RegionLineageRow(int year, String oldCode, String oldName, String newCode, String newName,
                               String change, boolean continuesSeries, String seriesCode, String currentCode) {
}
