package fazhi.extract;

/**
 * Clean text (what the extractor reads) with the way back into the text as decoded: for each character of
 * the clean text, the offset in the decoded text it came from. Offsets stored in the warehouse are
 * decoded-text offsets, so a reader can find the figure in the document.
 *
 * @param text          the clean text
 * @param origin        origin[i] = offset in the decoded text of clean character i
 * @param decodedLength length of the decoded text
 */
public record CleanedText(String text, int[] origin, int decodedLength) {

    /** Where clean offset {@code i} (0 ≤ i ≤ text length) came from in the decoded text. */
    public int decodedOffset(int i) {
        if (i < 0 || i > text.length()) {
            throw new IndexOutOfBoundsException("offset " + i + " outside the clean text (length " + text.length() + ")");
        }
        return i == text.length() ? decodedLength : origin[i];
    }
}
