package fazhi.extract;

/**
 * A figure the extractor found in the text, as written, before normalization.
 *
 * @param indicator     indicator code from the catalog (schema/indicators.yaml)
 * @param numberText    the figure as written ("1,245", "二百一十六", "９８．６", "X", "2.1万")
 * @param unitText      the unit as written ("件", "%", "项"), or "" when none
 * @param qualifierText the hedge words around the figure ("余", "以上", "约", ...), or ""
 * @param evidence      the sentence the figure stands in
 * @param charOffset    offset of the figure in the cleaned text
 * @param rule          which phrasing of the catalog matched, and how (for audit only: nothing reads it back)
 * @param breakdown     the figure follows 其中: a part of a total, chosen only when no total is stated
 */
public record RawMention(String indicator, String numberText, String unitText, String qualifierText,
                         String evidence, int charOffset, String rule, boolean breakdown) {

    private static final String RESPECTIVELY = "+respectively";

    /** A mention that is not a breakdown. */
    public RawMention(String indicator, String numberText, String unitText, String qualifierText,
                      String evidence, int charOffset, String rule) {
        this(indicator, numberText, unitText, qualifierText, evidence, charOffset, rule, false);
    }

    /** This mention at another offset (read from a row put together from two lines). */
    RawMention at(int offset) {
        return new RawMention(indicator, numberText, unitText, qualifierText, evidence, offset, rule, breakdown);
    }

    /** This mention, read from one item of a 分别 list, placed back at the list's figure and sentence. */
    RawMention respectively(String listEvidence, int listOffset) {
        return new RawMention(indicator, numberText, unitText, qualifierText, listEvidence, listOffset,
                rule + RESPECTIVELY, breakdown);
    }
}
