package fazhi.extract;

/**
 * A figure found in the text: a number (or an X placeholder) with its unit and hedge words.
 *
 * @param start        offset where the figure's words start (qualifier before the number included)
 * @param numberStart  offset of the number itself (the mention's char offset)
 * @param numberEnd    offset just after the number (multiplier included)
 * @param end          offset just after the unit and any hedge word after it
 * @param numberText   the number as written ("1,245", "二百一十六", "2.1万", "百分之九十五", "X")
 * @param unitText     the unit as written ("件", "%", "人次"), or "" when none follows
 * @param qualifierText hedge words around the figure, space-separated ("余", "约", "以上"), or ""
 * @param percent      the figure is a percentage
 * @param redacted     the figure is an X placeholder
 * @param chinese      the number is written in Chinese numerals
 */
record Figure(int start, int numberStart, int numberEnd, int end, String numberText, String unitText,
              String qualifierText, boolean percent, boolean redacted, boolean chinese) {

    boolean hasUnit() {
        return percent || !unitText.isEmpty();
    }
}
