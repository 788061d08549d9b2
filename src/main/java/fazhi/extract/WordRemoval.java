package fazhi.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Words taken out of a text one after the other, each everywhere it stands: what {@code s = s.replace(w, "")}
 * over the list in its order returns. Only the words whose first character the text holds are tried: a removal
 * never brings a character in, so a word whose first character is not in the text at the start cannot appear
 * later. Immutable; safe to share between threads.
 */
final class WordRemoval {

    private final String[] words;
    /** The first characters of the words, sorted, and the indexes of the words starting with each (ascending). */
    private final char[] initials;
    private final int[][] wordsByInitial;

    WordRemoval(List<String> words) {
        this.words = words.toArray(new String[0]);
        Map<Character, List<Integer>> by = new TreeMap<>();
        for (int i = 0; i < this.words.length; i++) {
            if (this.words[i].isEmpty()) {
                throw new IllegalArgumentException("an empty word cannot be removed");
            }
            by.computeIfAbsent(this.words[i].charAt(0), c -> new ArrayList<>()).add(i);
        }
        this.initials = new char[by.size()];
        this.wordsByInitial = new int[by.size()][];
        int k = 0;
        for (Map.Entry<Character, List<Integer>> e : by.entrySet()) {
            initials[k] = e.getKey();
            wordsByInitial[k++] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** {@code s} without every word of the list, removed in the list's order. */
    String from(String s) {
        boolean[] tried = null;
        for (int i = 0; i < s.length(); i++) {
            int k = Arrays.binarySearch(initials, s.charAt(i));
            if (k < 0) {
                continue;
            }
            if (tried == null) {
                tried = new boolean[words.length];
            }
            for (int w : wordsByInitial[k]) {
                tried[w] = true;
            }
        }
        if (tried == null) {
            return s;
        }
        for (int w = 0; w < words.length; w++) {
            if (tried[w]) {
                s = s.replace(words[w], "");
            }
        }
        return s;
    }
}
