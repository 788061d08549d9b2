package fazhi.extract;

import java.util.Map;

/**
 * A map from characters to values, small: one bit per character says whether it is a key (8 KB, most characters of a
 * text are none and are answered by that bit), the keys themselves in an open-addressed table. Takes the place of an
 * array indexed by the character (65,536 entries, 256 KB of references read at random for a text's characters: its
 * lines are seldom in the cache). Immutable; safe to share between threads.
 */
final class CharTable<V> {

    private final long[] isKey = new long[(Character.MAX_VALUE + 1) / 64];
    private final char[] keys;
    private final Object[] values;
    private final int mask;

    CharTable(Map<Character, V> entries) {
        int size = Integer.highestOneBit(Math.max(1, entries.size()) * 2) * 2;
        keys = new char[size];
        values = new Object[size];
        mask = size - 1;
        for (Map.Entry<Character, V> e : entries.entrySet()) {
            char c = e.getKey();
            if (e.getValue() == null) {
                throw new IllegalArgumentException("no value for " + c);
            }
            isKey[c >>> 6] |= 1L << c;
            int k = slot(c);
            while (values[k] != null) {
                k = (k + 1) & mask;
            }
            keys[k] = c;
            values[k] = e.getValue();
        }
    }

    /** The value of {@code c}, or null. */
    @SuppressWarnings("unchecked")
    V get(char c) {
        if ((isKey[c >>> 6] & (1L << c)) == 0) {
            return null;
        }
        int k = slot(c);
        while (keys[k] != c) {
            k = (k + 1) & mask;
        }
        return (V) values[k];
    }

    /** Is {@code c} a key? */
    boolean has(char c) {
        return (isKey[c >>> 6] & (1L << c)) != 0;
    }

    private int slot(char c) {
        return (c * 0x9E3779B1 >>> 16) & mask;
    }
}
