package fazhi.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What every match of a regular expression of the knowledge files must hold, read from the pattern's text: a list
 * of requirements, each a set of literal strings one of which the match consumes ("[(（]\s*略" needs one of "(", "（"
 * and "略"; "\.{6,}" needs "......"). A text or region that lacks one cannot hold a match, so the pattern is not run
 * there: most windows of most reports hold no period cue, no artefact, no page mark, and a search costs a walk of
 * the pattern at every position. Only what is read for certain becomes a requirement: any syntax this reader does not
 * know (a flag, a back reference, an unknown escape) makes the pattern's list empty (it is then always run), and
 * lookarounds, optional parts and character classes it cannot list add nothing. Immutable; safe to share.
 */
final class RequiredText {

    /** the most characters a range of a class is listed as */
    private static final int MAX_RANGE = 64;

    final Pattern pattern;
    /** each entry: the strings one of which every match holds; the more selective first */
    private final String[][] requirements;

    private RequiredText(Pattern pattern, String[][] requirements) {
        this.pattern = pattern;
        this.requirements = requirements;
    }

    static RequiredText of(Pattern p) {
        if (p.flags() != 0) {
            return new RequiredText(p, new String[0][]); // a flag changes what a character matches
        }
        List<String[]> found;
        try {
            Parser parser = new Parser(p.pattern());
            Node root = parser.alternation();
            if (parser.at != parser.s.length()) {
                throw new Unknown();
            }
            found = new ArrayList<>();
            for (Set<String> r : root.requirements()) {
                found.add(r.toArray(new String[0]));
            }
        } catch (Unknown | RuntimeException e) {
            found = new ArrayList<>();
        }
        found.sort(Comparator.comparingInt((String[] r) -> -shortest(r)).thenComparingInt(r -> r.length));
        return new RequiredText(p, found.toArray(new String[0][]));
    }

    static List<RequiredText> of(List<Pattern> patterns) {
        return patterns.stream().map(RequiredText::of).toList();
    }

    /** How many requirements were read (0: the pattern is always run). */
    int size() {
        return requirements.length;
    }

    /** The strings one of which every match holds, the most selective requirement; null when none was read. */
    String[] mostSelective() {
        return requirements.length == 0 ? null : requirements[0];
    }

    /** The requirements as read, each a set of strings (for tests). */
    List<List<String>> requirements() {
        return Arrays.stream(requirements).map(List::of).toList();
    }

    /** May a match lie inside {@code s}? False only when one of the requirements is absent. */
    boolean mayMatch(String s) {
        for (String[] r : requirements) {
            boolean any = false;
            for (String w : r) {
                if (s.contains(w)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    /** May a match lie inside [from, to) of {@code s}? False only when one of the requirements is absent there. */
    boolean mayMatch(CharSequence s, int from, int to) {
        for (String[] r : requirements) {
            if (!anyIn(s, from, to, r)) {
                return false;
            }
        }
        return true;
    }

    /** Does {@code p} find a match in [from, to) of {@code s} (a region with the matcher's default bounds)? */
    boolean find(CharSequence s, int from, int to) {
        return mayMatch(s, from, to) && pattern.matcher(s).region(from, to).find();
    }

    /** Does the pattern find a match in {@code s}? */
    boolean find(String s) {
        return mayMatch(s) && pattern.matcher(s).find();
    }

    /** Does the pattern match the whole of {@code s}? */
    boolean matches(String s) {
        return mayMatch(s) && pattern.matcher(s).matches();
    }

    /** Does one of the patterns find a match in {@code s}? */
    static boolean anyFinds(List<RequiredText> patterns, String s) {
        for (RequiredText p : patterns) {
            if (p.find(s)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyIn(CharSequence s, int from, int to, String[] words) {
        if (words.length == 1 && words[0].length() == 1) {
            char c = words[0].charAt(0);
            for (int i = from; i < to; i++) {
                if (s.charAt(i) == c) {
                    return true;
                }
            }
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            for (String w : words) {
                if (w.charAt(0) == c && i + w.length() <= to && startsWith(s, i, w)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean startsWith(CharSequence s, int at, String w) {
        for (int k = 1; k < w.length(); k++) {
            if (s.charAt(at + k) != w.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int shortest(String[] r) {
        int min = Integer.MAX_VALUE;
        for (String w : r) {
            min = Math.min(min, w.length());
        }
        return min;
    }

    /** Syntax this reader does not know for certain. */
    private static final class Unknown extends Exception {
        Unknown() {
            super(null, null, false, false);
        }
    }

    /** A piece of a pattern: what it requires of a match when it is there once. */
    private interface Node {
        /** every match of the node holds one string of each set */
        List<Set<String>> requirements();

        /** the literal text every match of the node is (null: not one fixed string) */
        default String literal() {
            return null;
        }
    }

    /** one character that is itself */
    private record Literal(char c) implements Node {
        public List<Set<String>> requirements() {
            return List.of(Set.of(String.valueOf(c)));
        }

        public String literal() {
            return String.valueOf(c);
        }
    }

    /** one character of a listed set */
    private record OneOf(Set<String> chars) implements Node {
        public List<Set<String>> requirements() {
            return List.of(chars);
        }
    }

    /** one character of no set listed here ("\p{IsHan}", ".", "[^,]") */
    private record AnyChar() implements Node {
        public List<Set<String>> requirements() {
            return List.of();
        }
    }

    /** consumes nothing: an anchor or a lookaround */
    private record ZeroWidth() implements Node {
        public List<Set<String>> requirements() {
            return List.of();
        }

        public String literal() {
            return "";
        }
    }

    /** a node repeated at least min times (max -1: unbounded) */
    private record Repeat(Node node, int min, int max) implements Node {
        public List<Set<String>> requirements() {
            if (min == 0) {
                return List.of();
            }
            String lit = node.literal();
            if (lit != null && !lit.isEmpty()) {
                return List.of(Set.of(lit.repeat(min)));
            }
            return node.requirements();
        }

        public String literal() {
            String lit = node.literal();
            return lit != null && min == max ? lit.repeat(min) : null;
        }
    }

    /** nodes one after the other: runs of literal characters are required as one string */
    private record Sequence(List<Node> nodes) implements Node {
        public List<Set<String>> requirements() {
            List<Set<String>> out = new ArrayList<>();
            StringBuilder run = new StringBuilder();
            for (Node n : nodes) {
                String lit = n.literal();
                if (lit != null && !lit.isEmpty()) {
                    run.append(lit);
                    continue;
                }
                if (run.length() > 0) {
                    out.add(Set.of(run.toString()));
                    run.setLength(0);
                }
                if (n instanceof Repeat r && r.min() > 0 && r.node().literal() != null && !r.node().literal().isEmpty()) {
                    run.append(r.node().literal().repeat(r.min())); // "x{2,}": "xx" then no longer a fixed run
                    out.add(Set.of(run.toString()));
                    run.setLength(0);
                    continue;
                }
                out.addAll(n.requirements());
            }
            if (run.length() > 0) {
                out.add(Set.of(run.toString()));
            }
            return out;
        }

        public String literal() {
            StringBuilder b = new StringBuilder();
            for (Node n : nodes) {
                String lit = n.literal();
                if (lit == null) {
                    return null;
                }
                b.append(lit);
            }
            return b.toString();
        }
    }

    /** branches, one of which matches: each branch's first requirement, together */
    private record Alternation(List<Node> branches) implements Node {
        public List<Set<String>> requirements() {
            if (branches.size() == 1) {
                return branches.get(0).requirements();
            }
            Set<String> any = new LinkedHashSet<>();
            for (Node b : branches) {
                String lit = b.literal();
                if (lit != null) {
                    if (lit.isEmpty()) {
                        return List.of();
                    }
                    any.add(lit);
                    continue;
                }
                List<Set<String>> r = b.requirements();
                if (r.isEmpty()) {
                    return List.of();
                }
                any.addAll(r.get(0));
            }
            return List.of(any);
        }

        public String literal() {
            return branches.size() == 1 ? branches.get(0).literal() : null;
        }
    }

    private static final class Parser {
        final String s;
        int at;

        Parser(String s) {
            this.s = s;
        }

        Node alternation() throws Unknown {
            List<Node> branches = new ArrayList<>();
            branches.add(sequence());
            while (at < s.length() && s.charAt(at) == '|') {
                at++;
                branches.add(sequence());
            }
            return new Alternation(branches);
        }

        Node sequence() throws Unknown {
            List<Node> nodes = new ArrayList<>();
            while (at < s.length() && s.charAt(at) != '|' && s.charAt(at) != ')') {
                Node atom = atom();
                nodes.add(quantified(atom));
            }
            return new Sequence(nodes);
        }

        Node quantified(Node atom) throws Unknown {
            if (at >= s.length()) {
                return atom;
            }
            char c = s.charAt(at);
            int min;
            int max;
            if (c == '?' || c == '*' || c == '+') {
                at++;
                min = c == '+' ? 1 : 0;
                max = c == '?' ? 1 : -1;
            } else if (c == '{') {
                int close = s.indexOf('}', at);
                if (close < 0) {
                    throw new Unknown();
                }
                String body = s.substring(at + 1, close);
                if (!body.matches("[0-9]+(,[0-9]*)?")) {
                    throw new Unknown();
                }
                int comma = body.indexOf(',');
                min = Integer.parseInt(comma < 0 ? body : body.substring(0, comma));
                max = comma < 0 ? min : comma == body.length() - 1 ? -1 : Integer.parseInt(body.substring(comma + 1));
                at = close + 1;
            } else {
                return atom;
            }
            if (at < s.length() && (s.charAt(at) == '?' || s.charAt(at) == '+')) {
                at++; // lazy or possessive: the same least count
            }
            if (atom instanceof ZeroWidth) {
                return atom;
            }
            return quantified(new Repeat(atom, min, max));
        }

        Node atom() throws Unknown {
            char c = s.charAt(at);
            switch (c) {
                case '(':
                    return group();
                case '[':
                    return characterClass();
                case '\\':
                    return escape();
                case '.':
                    at++;
                    return new AnyChar();
                case '^':
                case '$':
                    at++;
                    return new ZeroWidth();
                case '*':
                case '+':
                case '?':
                case '{':
                    throw new Unknown();
                default:
                    if (Character.isSurrogate(c)) {
                        throw new Unknown(); // a quantifier or class would take the pair as one
                    }
                    at++;
                    return new Literal(c);
            }
        }

        Node group() throws Unknown {
            at++; // (
            boolean lookaround = false;
            if (s.startsWith("?", at)) {
                if (s.startsWith("?:", at) || s.startsWith("?>", at)) {
                    at += 2;
                } else if (s.startsWith("?=", at) || s.startsWith("?!", at)) {
                    at += 2;
                    lookaround = true;
                } else if (s.startsWith("?<=", at) || s.startsWith("?<!", at)) {
                    at += 3;
                    lookaround = true;
                } else if (s.startsWith("?<", at)) {
                    int close = s.indexOf('>', at);
                    if (close < 0 || !s.substring(at + 2, close).matches("[a-zA-Z][a-zA-Z0-9]*")) {
                        throw new Unknown();
                    }
                    at = close + 1;
                } else {
                    throw new Unknown(); // an inline flag
                }
            }
            Node inside = alternation();
            if (at >= s.length() || s.charAt(at) != ')') {
                throw new Unknown();
            }
            at++;
            return lookaround ? new ZeroWidth() : inside;
        }

        Node escape() throws Unknown {
            if (at + 1 >= s.length()) {
                throw new Unknown();
            }
            char e = s.charAt(at + 1);
            at += 2;
            if (!Character.isLetterOrDigit(e)) {
                return e < 128 ? new Literal(e) : unknown();
            }
            switch (e) {
                case 'd':
                    return new OneOf(range('0', '9'));
                case 't':
                    return new Literal('\t');
                case 'n':
                    return new Literal('\n');
                case 's':
                case 'S':
                case 'D':
                case 'w':
                case 'W':
                    return new AnyChar();
                case 'b':
                case 'B':
                    return new ZeroWidth();
                case 'p':
                case 'P':
                    if (at < s.length() && s.charAt(at) == '{') {
                        int close = s.indexOf('}', at);
                        if (close < 0) {
                            throw new Unknown();
                        }
                        at = close + 1;
                    } else {
                        at++;
                    }
                    return new AnyChar();
                default:
                    throw new Unknown();
            }
        }

        private Node unknown() throws Unknown {
            throw new Unknown();
        }

        /** "[...]": the listed characters, or any character when the class cannot be listed here */
        Node characterClass() throws Unknown {
            at++; // [
            boolean negated = at < s.length() && s.charAt(at) == '^';
            if (negated) {
                at++;
            }
            if (at < s.length() && s.charAt(at) == ']') {
                throw new Unknown();
            }
            Set<String> chars = new LinkedHashSet<>();
            boolean listable = !negated;
            while (true) {
                if (at >= s.length()) {
                    throw new Unknown();
                }
                char c = s.charAt(at);
                if (c == ']') {
                    at++;
                    break;
                }
                if (c == '[' || s.startsWith("&&", at) || Character.isSurrogate(c)) {
                    throw new Unknown();
                }
                char from;
                if (c == '\\') {
                    if (at + 1 >= s.length()) {
                        throw new Unknown();
                    }
                    char e = s.charAt(at + 1);
                    at += 2;
                    if (e == 'd') {
                        chars.addAll(range('0', '9'));
                        continue;
                    }
                    if (e == 's' || e == 'S' || e == 'D' || e == 'w' || e == 'W') {
                        listable = false;
                        continue;
                    }
                    if (e == 'p' || e == 'P') {
                        int close = s.indexOf('}', at);
                        if (at >= s.length() || s.charAt(at) != '{' || close < 0) {
                            throw new Unknown();
                        }
                        at = close + 1;
                        listable = false;
                        continue;
                    }
                    if (Character.isLetterOrDigit(e) || e >= 128) {
                        throw new Unknown();
                    }
                    from = e;
                } else {
                    from = c;
                    at++;
                }
                if (at + 1 < s.length() && s.charAt(at) == '-' && s.charAt(at + 1) != ']') {
                    char to = s.charAt(at + 1);
                    if (to == '\\' || to == '[') {
                        throw new Unknown();
                    }
                    at += 2;
                    if (to < from) {
                        throw new Unknown();
                    }
                    if (to - from >= MAX_RANGE) {
                        listable = false;
                    } else {
                        chars.addAll(range(from, to));
                    }
                    continue;
                }
                chars.add(String.valueOf(from));
            }
            return listable && !chars.isEmpty() ? new OneOf(chars) : new AnyChar();
        }

        private static Set<String> range(char from, char to) {
            Set<String> out = new LinkedHashSet<>();
            for (char c = from; c <= to; c++) {
                out.add(String.valueOf(c));
            }
            return out;
        }
    }
}
