package fazhi.ingest;

/**
 * The text of a submission, decoded.
 *
 * @param format   txt, html, docx, pdf, csv or json
 * @param encoding the character set the bytes were decoded with (UTF-8, GB18030, ...), or "binary" for docx/pdf
 * @param text     plain text; tables are rendered one row per line with cells separated by " | "
 */
public record DecodedDocument(String format, String encoding, String text) {
}
