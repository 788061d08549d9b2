package fazhi.extract;

import fazhi.reference.NumeralCharacters;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds figures in a stretch of clean text: Arabic numbers with thousands separators and decimals,
 * Chinese numerals, 万 / 亿 multipliers, 百分之... percentages, X placeholders; then the unit and the
 * hedge words around them (units and hedge words come from the lexicon).
 */
final class FigureScanner {

    /** The digits of a number in words: 〇, 零 to 九, 两. */
    private static final String CHINESE_DIGITS = NumeralCharacters.NUMERAL_ZERO + NumeralCharacters.DIGITS
            + NumeralCharacters.COUNTING_TWO;
    private static final String CHINESE_ALL = CHINESE_DIGITS + NumeralCharacters.SMALL_UNITS
            + NumeralCharacters.LARGE_UNITS + NumeralCharacters.POINT;
    private final ExtractionLexicon lexicon;
    /** The characters a figure can start with (the percent word's first, placeholders, digits, numerals). */
    private final boolean[] figureInitial = new boolean[Character.MAX_VALUE + 1];
    private final String percentWord;
    private final String placeholders;
    private final List<String> qualifiersBefore;
    private final List<String> qualifiersAfterNumber;
    private final List<String> qualifiersAfterUnit;
    /** The same three lists by the character a word ends (before) or starts (after) with, each in its order. */
    private static final String[] NO_WORDS = new String[0];
    private final WordsByChar qualifiersBeforeByLast;
    private final WordsByChar qualifiersAfterNumberByFirst;
    private final WordsByChar qualifiersAfterUnitByFirst;
    private final WordsByChar perOccasionSuffixByFirst;
    /** The lexicon's units (longest first) by their first character; null when a unit is empty. */
    private final java.util.Map<Character, List<String>> unitsByInitial;

    FigureScanner(ExtractionLexicon lexicon) {
        this.lexicon = lexicon;
        this.percentWord = lexicon.percentWord;
        this.placeholders = lexicon.placeholderCharacters;
        for (char c = '0'; c <= '9'; c++) {
            figureInitial[c] = true;
        }
        for (char c : (CHINESE_ALL + percentWord.charAt(0) + placeholders).toCharArray()) {
            figureInitial[c] = true;
        }
        this.qualifiersBefore = ExtractionLexicon.longestFirstKeys(lexicon.qualifiersBefore);
        this.qualifiersAfterNumber = ExtractionLexicon.longestFirstKeys(lexicon.qualifiersAfterNumber);
        this.qualifiersAfterUnit = ExtractionLexicon.longestFirstKeys(lexicon.qualifiersAfterUnit);
        this.qualifiersBeforeByLast = WordsByChar.byLast(qualifiersBefore);
        this.qualifiersAfterNumberByFirst = WordsByChar.byFirst(qualifiersAfterNumber);
        this.qualifiersAfterUnitByFirst = WordsByChar.byFirst(qualifiersAfterUnit);
        this.perOccasionSuffixByFirst = WordsByChar.byFirst(lexicon.perOccasionSuffix);
        java.util.Map<Character, List<String>> byInitial = new java.util.HashMap<>();
        boolean anyEmpty = false;
        for (String w : lexicon.units) {
            if (w.isEmpty()) {
                anyEmpty = true;
            } else {
                byInitial.computeIfAbsent(w.charAt(0), k -> new ArrayList<>()).add(w);
            }
        }
        this.unitsByInitial = anyEmpty ? null : byInitial;
    }

    List<Figure> scan(String text, int from, int to) {
        List<Figure> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            Figure f = figureAt(text, i, to);
            if (f == null) {
                i++;
            } else {
                out.add(f);
                i = Math.max(f.end(), i + 1);
            }
        }
        return out;
    }

    private Figure figureAt(String text, int i, int to) {
        char c = text.charAt(i);
        if (!figureInitial[c]) {
            return null;
        }
        if (text.startsWith(percentWord, i)) {
            int j = i + percentWord.length();
            int numEnd;
            if (j < to && text.charAt(j) == NumeralCharacters.HUNDRED && (j + 1 >= to || CHINESE_ALL.indexOf(text.charAt(j + 1)) < 0)) {
                numEnd = j + 1; // 百分之百
            } else {
                numEnd = numberRunEnd(text, j, to);
                if (numEnd == j) {
                    return null;
                }
            }
            return finish(text, i, i, numEnd, to, text.substring(i, numEnd), true, false, isChinese(text, j, numEnd));
        }
        if (placeholders.indexOf(c) >= 0) {
            if (i > 0 && isLatin(text.charAt(i - 1))) {
                return null;
            }
            int j = i;
            while (j < to && j - i < 3 && text.charAt(j) == c) {
                j++;
            }
            if (j < to && isLatin(text.charAt(j))) {
                return null;
            }
            Figure f = finish(text, i, i, j, to, text.substring(i, j), false, true, false);
            return f.hasUnit() ? f : null;
        }
        if (isDigit(c) || CHINESE_ALL.indexOf(c) >= 0) {
            if (i > 0 && (isDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '.')) {
                return null;
            }
            boolean bareUnit = c != NumeralCharacters.HUNDRED_MILLION && NumeralCharacters.unitValue(c) >= 100
                    && (afterHedge(text, i) || hedgeThenUnit(text, i + 1, to));
            int end = numberRunEnd(text, i, to, bareUnit);
            if (end == i) {
                return null;
            }
            return finish(text, i, i, end, to, text.substring(i, end), false, false,
                    bareUnit || isChinese(text, i, end));
        }
        return null;
    }

    /** End of the longest well-formed number starting at i (digits, separators, Chinese numerals, 点). */
    private static int numberRunEnd(String text, int i, int to) {
        return numberRunEnd(text, i, to, false);
    }

    /** @param bareUnit a leading 百 / 千 / 万 is a number ("逾百件", "近千名") */
    private static int numberRunEnd(String text, int i, int to, boolean bareUnit) {
        int j = i;
        boolean anyDigit = bareUnit;
        while (j < to) {
            char c = text.charAt(j);
            if (isDigit(c) || CHINESE_DIGITS.indexOf(c) >= 0) {
                anyDigit = true;
                j++;
            } else if (c == NumeralCharacters.TEN) {
                anyDigit = true; // 十 alone is ten
                j++;
            } else if (NumeralCharacters.unitValue(c) > 10) {
                if (!anyDigit) {
                    return i; // 万家, 千方百计: not a number
                }
                j++;
            } else if ((c == '.' || c == NumeralCharacters.POINT) && anyDigit && j + 1 < to
                    && (isDigit(text.charAt(j + 1)) || CHINESE_DIGITS.indexOf(text.charAt(j + 1)) >= 0)) {
                j++;
            } else if (c == ',' && j > i && isDigit(text.charAt(j - 1)) && j + 3 < to + 1
                    && j + 3 <= text.length() && allDigits(text, j + 1, j + 4)
                    && (j + 4 >= text.length() || !isDigit(text.charAt(j + 4)))) {
                j++; // thousands separator: exactly three digits follow
            } else {
                break;
            }
        }
        return anyDigit ? j : i;
    }

    private Figure finish(String text, int start, int numberStart, int numberEnd, int to, String numberText,
                          boolean percent, boolean redacted, boolean chinese) {
        List<String> qualifiers = new ArrayList<>();
        // hedge word right before the number
        int s = numberStart;
        int k = s;
        while (k > 0 && text.charAt(k - 1) == ' ') {
            k--;
        }
        String hedge = qualifiersBeforeByLast.endingAt(text, k);
        if (hedge != null) {
            qualifiers.add(hedge);
            start = k - hedge.length();
        }
        int j = numberEnd;
        String number = numberText;
        // 40余场次, 20余万条: hedge word between the number and the unit
        String between = qualifiersAfterNumberByFirst.startingAt(text, j);
        if (between != null) {
            qualifiers.add(between);
            j += between.length();
        }
        // 2.1万件 / 20余万条: multiplier after an Arabic number
        if (!percent && j < to && NumeralCharacters.LARGE_UNITS.indexOf(text.charAt(j)) >= 0 && !chinese) {
            number = number + text.charAt(j);
            j++;
        }
        String unit = "";
        int u = j;
        while (u < to && text.charAt(u) == ' ') {
            u++;
        }
        if (!percent && u < to && (text.charAt(u) == '%' || text.charAt(u) == '‰')) {
            if (text.charAt(u) == '%') {
                percent = true;
                unit = "%";
                j = u + 1;
            }
        } else if (!percent) {
            // only the units starting with the character at u can start there (same ones, same order)
            List<String> units = unitsByInitial == null ? lexicon.units
                    : u < text.length() ? unitsByInitial.getOrDefault(text.charAt(u), List.of()) : List.of();
            for (String w : units) {
                if (text.startsWith(w, u) && u + w.length() <= to) {
                    unit = w;
                    j = u + w.length();
                    String suffix = perOccasionSuffixByFirst.startingAt(text, j);
                    if (suffix != null) {
                        unit = w + suffix.substring(1, suffix.length() - 1); // "人(次)" is 人次
                        j += suffix.length();
                    }
                    break;
                }
            }
        } else {
            unit = "%";
        }
        if (!unit.isEmpty() || percent) {
            for (String q : j < text.length() ? qualifiersAfterUnitByFirst.at(text.charAt(j)) : NO_WORDS) {
                if (text.startsWith(q, j) && j + q.length() <= to) {
                    qualifiers.add(q);
                    j += q.length();
                    break;
                }
            }
        }
        return new Figure(start, numberStart, numberEnd, j, number, unit,
                String.join(" ", qualifiers), percent, redacted, chinese);
    }

    private boolean afterHedge(String text, int i) {
        return qualifiersBeforeByLast.endingAt(text, i) != null;
    }

    /**
     * A hedge word and then a unit at j: a magnitude alone is a number then ("万余件", "千余人次", "百余场"),
     * while 万家 / 千方百计 / 百姓 stay words.
     */
    private boolean hedgeThenUnit(String text, int j, int to) {
        String q = qualifiersAfterNumberByFirst.startingAt(text, j);
        if (q == null) {
            return false;
        }
        int u = j + q.length();
        for (String w : lexicon.units) {
            if (!w.isEmpty() && text.startsWith(w, u) && u + w.length() <= to) {
                return true;
            }
        }
        return false;
    }

    private static boolean isChinese(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (CHINESE_DIGITS.indexOf(text.charAt(i)) >= 0 || text.charAt(i) == NumeralCharacters.TEN) {
                return true;
            }
        }
        return false;
    }

    private static boolean allDigits(String text, int from, int to) {
        if (to > text.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A character of a number: an Arabic digit or a Chinese numeral ("五件、", "一百三十八个、"). */
    static boolean isNumeral(char c) {
        return isDigit(c) || CHINESE_ALL.indexOf(c) >= 0;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLatin(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

}
