package fazhi.ingest;

/** One manifest row: the file, and the region and year it reports on (null where blank). */
public record ManifestEntry(String file, String regionCode, Integer year, boolean synthetic) {
}
