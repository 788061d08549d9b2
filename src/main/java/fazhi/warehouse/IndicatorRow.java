package fazhi.warehouse;

/** A row of the {@code indicators} dimension, from the catalog in schema/. */
public record IndicatorRow(String code, String domain, String nameZh, String unit, String kind, String description) {
}
