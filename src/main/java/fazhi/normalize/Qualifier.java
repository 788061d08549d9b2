package fazhi.normalize;

import java.util.Locale;

/** How exact a reported figure is; the warehouse stores {@link #code()}. */
public enum Qualifier {
    EXACT, AT_LEAST, APPROX, AT_MOST, REDACTED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
