package fazhi.extract;

import java.util.Arrays;

/**
 * The literal subject terms of the catalog as a trie, so that one walk from a position finds every term
 * starting there (instead of testing each term that shares the first character). Immutable once built by
 * the extractor's constructor; safe to share between threads.
 */
final class LiteralTrie {

    /** Called for each term found, shortest first; returning true stops the walk. */
    interface Visitor {
        boolean visit(int id, int length);
    }

    private static final class Node {
        char[] keys = new char[0];
        Node[] kids = new Node[0];
        int[] ids;

        Node child(char c) {
            int k = Arrays.binarySearch(keys, c);
            return k < 0 ? null : kids[k];
        }

        Node childOrNew(char c) {
            int k = Arrays.binarySearch(keys, c);
            if (k >= 0) {
                return kids[k];
            }
            int at = -k - 1;
            char[] nk = new char[keys.length + 1];
            Node[] nn = new Node[kids.length + 1];
            System.arraycopy(keys, 0, nk, 0, at);
            System.arraycopy(kids, 0, nn, 0, at);
            nk[at] = c;
            nn[at] = new Node();
            System.arraycopy(keys, at, nk, at + 1, keys.length - at);
            System.arraycopy(kids, at, nn, at + 1, kids.length - at);
            keys = nk;
            kids = nn;
            return nn[at];
        }
    }

    private final Node[] roots = new Node[Character.MAX_VALUE + 1];
    private int longest;

    /** Adds a non-empty word under an id (only while the owner is being constructed). */
    void add(String word, int id) {
        Node n = roots[word.charAt(0)];
        if (n == null) {
            n = new Node();
            roots[word.charAt(0)] = n;
        }
        for (int i = 1; i < word.length(); i++) {
            n = n.childOrNew(word.charAt(i));
        }
        n.ids = n.ids == null ? new int[]{id} : appended(n.ids, id);
        longest = Math.max(longest, word.length());
    }

    private static int[] appended(int[] a, int v) {
        int[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = v;
        return b;
    }

    /** The length of the longest word. */
    int longest() {
        return longest;
    }

    /** Visits every word lying inside [at, to) that starts at {@code at}; true when the visitor stopped. */
    boolean walk(String text, int at, int to, Visitor v) {
        if (at >= to) {
            return false;
        }
        Node n = roots[text.charAt(at)];
        int i = at + 1;
        while (n != null) {
            if (n.ids != null) {
                for (int id : n.ids) {
                    if (v.visit(id, i - at)) {
                        return true;
                    }
                }
            }
            if (i >= to) {
                break;
            }
            n = n.child(text.charAt(i));
            i++;
        }
        return false;
    }
}
