package fazhi.generate;

/**
 * An anomaly injected into the panel: {@code level} multiplies one year's figure by {@code factor};
 * {@code jump} multiplies that year and every later one (a level shift). The factor is relative to what the
 * panel model would otherwise have drawn.
 */
public record Outlier(String regionCode, int year, String indicator, String kind, double factor) {
}
