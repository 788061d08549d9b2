package fazhi.warehouse;

/**
 * A row of {@code population}: the resident population of a county's current territory in a year
 * ({@link fazhi.reference.PopulationTable}).
 *
 * @param method              census, interpolated, nearest_census or one_census
 * @param census2010          the 2010 census figure of the territory; null when that census does not fit it
 * @param source              which census rows were summed, e.g. {@code census 2010: 110101+110103; census 2020: 110101}
 * @param transferSinceCensus a town-level transfer touched the territory after the census used
 */
public record PopulationRow(String regionCode, int year, long population, String method, Long census2010,
                            Long census2020, String source, boolean transferSinceCensus) {
}
