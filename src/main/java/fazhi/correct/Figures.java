package fazhi.correct;

import java.math.BigDecimal;

/** Figures as people write them: 42, 98.5 — never 42.0 or 98.50000000001. */
public final class Figures {
    private Figures() {
    }

    public static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
