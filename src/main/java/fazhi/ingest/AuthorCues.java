package fazhi.ingest;

import fazhi.reference.KnowledgeNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The words that tell who wrote a report (the {@code author} section of schema/ingest-identification.yaml):
 * the government's own organ words, the county-wide body's words, the offices that sign the county's report,
 * what ends an organ's name in a title (stops, a year and its suffix), and the organ endings of each kind of author that is not the government.
 */
record AuthorCues(List<String> governmentWords, List<String> governmentSuffixes, List<String> countyWideWords,
                  List<String> signingOffices, List<String> stops, List<String> yearSuffixes, List<Ending> endings,
                  List<String> townSelfReferenceNotBefore, int townSelfReferenceMin) {

    /** One organ ending (局, 镇, 法院 …) and the kind of author it makes. */
    record Ending(String word, ReportAuthor.Kind kind) {
    }

    static AuthorCues load(KnowledgeNode author) {
        KnowledgeNode kinds = author.node("organ_endings");
        List<Ending> endings = new ArrayList<>();
        for (String key : kinds.keys()) {
            ReportAuthor.Kind kind = ReportAuthor.Kind.ofKey(key);
            if (kind == null) {
                throw kinds.problem(key, "not a kind of author (known: " + ReportAuthor.Kind.keys() + ")");
            }
            for (String w : kinds.strings(key)) {
                endings.add(new Ending(w, kind));
            }
        }
        endings.sort(Comparator.comparingInt((Ending e) -> e.word().length()).reversed());
        return new AuthorCues(author.strings("government_words"),
                longestFirst(author.strings("government_suffixes")), author.strings("county_wide_words"),
                author.strings("signing_offices"), longestFirst(author.strings("stops")),
                longestFirst(author.strings("year_suffixes")), List.copyOf(endings),
                author.strings("town_self_reference_not_before"), author.integer("town_self_reference_min"));
    }

    private static List<String> longestFirst(List<String> words) {
        List<String> sorted = new ArrayList<>(words);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(sorted);
    }
}
