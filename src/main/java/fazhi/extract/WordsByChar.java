package fazhi.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A word list grouped by each word's first (or last) character, every group in the list's order: a position of a
 * text is tested only against the words that can start (end) there, in the order the whole list would test them.
 * Immutable; safe to share between threads.
 */
final class WordsByChar {

    private static final String[] NONE = new String[0];

    private final char[] keys;
    private final String[][] groups;
    /** The length of the longest word (0 for an empty list). */
    final int longest;

    private WordsByChar(List<String> words, Function<String, Character> key) {
        Map<Character, List<String>> by = new TreeMap<>();
        int max = 0;
        for (String w : words) {
            if (w.isEmpty()) {
                throw new IllegalArgumentException("an empty word cannot be indexed by a character");
            }
            by.computeIfAbsent(key.apply(w), c -> new ArrayList<>()).add(w);
            max = Math.max(max, w.length());
        }
        this.keys = new char[by.size()];
        this.groups = new String[by.size()][];
        int i = 0;
        for (Map.Entry<Character, List<String>> e : by.entrySet()) {
            keys[i] = e.getKey();
            groups[i++] = e.getValue().toArray(NONE);
        }
        this.longest = max;
    }

    /** The words grouped by their first character. */
    static WordsByChar byFirst(List<String> words) {
        return new WordsByChar(words, w -> w.charAt(0));
    }

    /** The words grouped by their last character. */
    static WordsByChar byLast(List<String> words) {
        return new WordsByChar(words, w -> w.charAt(w.length() - 1));
    }

    /** The words keyed by {@code c}, in the list's order (do not modify). */
    String[] at(char c) {
        int k = Arrays.binarySearch(keys, c);
        return k < 0 ? NONE : groups[k];
    }

    /** The first word of the list (in its order) that ends right at {@code end}, or null (grouped by last). */
    String endingAt(String text, int end) {
        if (end <= 0 || end > text.length()) {
            return null;
        }
        for (String w : at(text.charAt(end - 1))) {
            if (end >= w.length() && text.startsWith(w, end - w.length())) {
                return w;
            }
        }
        return null;
    }

    /**
     * The first word of the list (in its order) that starts right at {@code at} and ends by {@code to}, or null
     * (grouped by first).
     */
    String startingWithin(String text, int at, int to) {
        if (at < 0 || at >= text.length()) {
            return null;
        }
        for (String w : at(text.charAt(at))) {
            if (at + w.length() <= to && text.startsWith(w, at)) {
                return w;
            }
        }
        return null;
    }

    /** The first word of the list (in its order) that starts right at {@code at}, or null (grouped by first). */
    String startingAt(String text, int at) {
        if (at < 0 || at >= text.length()) {
            return null;
        }
        for (String w : at(text.charAt(at))) {
            if (text.startsWith(w, at)) {
                return w;
            }
        }
        return null;
    }
}
