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
 * @param rule          which phrasing of the catalog matched (for audit)
 */
public record RawMention(String indicator, String numberText, String unitText, String qualifierText,
                         String evidence, int charOffset, String rule) {
}
