package fazhi.extract;

import java.util.List;
import java.util.regex.Pattern;

/** Regular expressions of the knowledge files, searched for together. */
final class Patterns {
    private Patterns() {
    }

    /**
     * One pattern that finds a match wherever one of the given patterns finds one (each in a group of its own),
     * so a text is scanned once to learn whether any of them occurs; null when they cannot be joined so: different
     * flags (an inline flag counts, it would reach the patterns after it), or a capturing group (a back reference
     * would change its number).
     */
    static Pattern anyOf(List<Pattern> patterns) {
        if (patterns.isEmpty()) {
            return null;
        }
        StringBuilder joined = new StringBuilder();
        for (Pattern p : patterns) {
            if (p.flags() != patterns.get(0).flags() || p.matcher("").groupCount() > 0) {
                return null;
            }
            joined.append(joined.length() == 0 ? "" : "|").append("(?:").append(p.pattern()).append(')');
        }
        return Pattern.compile(joined.toString(), patterns.get(0).flags());
    }
}
