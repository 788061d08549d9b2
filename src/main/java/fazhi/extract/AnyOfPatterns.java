package fazhi.extract;

import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * Patterns asked together whether any of them finds a match in a region ("does the sentence name another
 * period?"): one pass over the region marks the patterns whose most selective requirement has a string starting
 * in it, and only those (and the patterns without requirements) are searched, so a region holding none of them
 * costs one pass instead of one per pattern. Immutable; safe to share between threads.
 */
final class AnyOfPatterns {

    private final RequiredText[] patterns;
    /** The first characters of the patterns' most selective requirements, sorted, and the patterns' bits. */
    private final char[] initials;
    private final long[] patternsByInitial;
    /** The patterns searched whatever the region holds: those without requirements (and any past the 64th). */
    private final long always;

    AnyOfPatterns(List<RequiredText> patterns) {
        this.patterns = patterns.toArray(new RequiredText[0]);
        TreeMap<Character, Long> bits = new TreeMap<>();
        long searched = 0;
        for (int p = 0; p < this.patterns.length; p++) {
            if (p >= Long.SIZE) {
                break; // searched whatever the region holds
            }
            String[] first = this.patterns[p].mostSelective();
            if (first == null) {
                searched |= 1L << p;
                continue;
            }
            for (String w : first) {
                bits.merge(w.charAt(0), 1L << p, (a, b) -> a | b);
            }
        }
        this.always = searched;
        this.initials = new char[bits.size()];
        this.patternsByInitial = new long[bits.size()];
        int i = 0;
        for (var e : bits.entrySet()) {
            initials[i] = e.getKey();
            patternsByInitial[i++] = e.getValue();
        }
    }

    /** Does one of the patterns find a match in [from, to) of {@code text}? */
    boolean find(String text, int from, int to) {
        long candidates = always;
        for (int i = from; i < to; i++) {
            int k = Arrays.binarySearch(initials, text.charAt(i));
            if (k >= 0) {
                candidates |= patternsByInitial[k];
            }
        }
        for (int p = 0; p < patterns.length; p++) {
            if ((p >= Long.SIZE || (candidates & 1L << p) != 0) && patterns[p].find(text, from, to)) {
                return true;
            }
        }
        return false;
    }
}
