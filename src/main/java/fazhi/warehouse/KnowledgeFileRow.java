package fazhi.warehouse;

/**
 * A row of the {@code knowledge_files} table: one knowledge file (catalog, lexicon, rules, framework, reference
 * tables) a warehouse version was made with, and where it came from.
 *
 * @param version the version folder the row belongs to
 * @param file    the file's repository path (schema/indicators.yaml)
 * @param sha256  the sha-256 of the bytes read
 * @param source  {@code bundled} (the jar's copy) or the path of the edited copy (--catalog, --framework)
 * @param carriedFrom null when the run that made this version read the file; else the version whose run read it,
 *                    for the tables a run took over unchanged (a {@code fazhi stats} run keeps the observations of
 *                    the ingest before it)
 */
public record KnowledgeFileRow(String version, String file, String sha256, String source, String carriedFrom) {
}
