package fazhi.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * "受理、审结行政复议案件分别为20件、18件": each item of the list before 分别 / 依次 is read with its figure as
 * a one-figure sentence (the shared subject distributed over the items), and the mention is mapped back to
 * the figure in the text. The markers, separators and conjunctions come from the lexicon.
 */
final class RespectivelyLists {

    /** Reads one synthetic sentence, only the figure whose number starts at {@code onlyAt}. */
    interface SentenceReader {
        void read(String sentence, int onlyAt, List<RawMention> out);
    }

    private final ExtractionLexicon lex;
    private final Segmenter segmenter;
    private final SubjectTerms terms;
    private final boolean[] isMarkerInitial = new boolean[Character.MAX_VALUE + 1];
    private final WordsByChar markersByFirst;

    RespectivelyLists(ExtractionLexicon lex, Segmenter segmenter, SubjectTerms terms) {
        this.lex = lex;
        this.segmenter = segmenter;
        this.terms = terms;
        this.markersByFirst = WordsByChar.byFirst(lex.respectivelyMarkers);
        for (String w : lex.respectivelyMarkers) {
            if (!w.isEmpty()) {
                isMarkerInitial[w.charAt(0)] = true;
            }
        }
    }

    /**
     * Reads the 分别 lists of a line. Returns which of the figures were so read (null: none).
     *
     * @param blockStarts where list items start in the line (sorted), see {@link Segmenter#blockStarts}
     */
    boolean[] read(String text, int ls, List<Span> sentences, List<Integer> blockStarts, List<Figure> figures,
                   SentenceReader reader, List<RawMention> out, WorkMeter meter) {
        boolean[] handled = null;
        for (Span sentence : sentences) {
            for (int at = sentence.start(); at < sentence.end(); at++) {
                if (!isMarkerInitial[text.charAt(at)]) {
                    continue;
                }
                String marker = markersByFirst.startingWithin(text, at, sentence.end());
                if (marker == null) {
                    continue;
                }
                int m0 = at;
                int m1 = at + marker.length();
                at = m1 - 1;
                List<Integer> list = listAfter(text, m1, sentence.end(), figures, meter);
                if (list.size() < 2) {
                    continue;
                }
                // the items: from the clause start (or the last figure before the marker) to the marker
                Span clause = Span.containing(segmenter.clauses(text, sentence.start(), sentence.end()), m0, meter);
                int a = clause == null ? sentence.start() : clause.start();
                for (int k = firstEndingAfter(figures, a, meter); k < figures.size(); k++) {
                    Figure p = figures.get(k);
                    if (p.end() > m0) {
                        break;
                    }
                    // a Chinese numeral among the items names one ("“最多跑一次”事项", "一件事"): a figure
                    // counted before the list stands in a clause of its own
                    if (p.hasUnit() && !lex.windowTransparent(p.unitText()) && !p.chinese()) {
                        a = p.end();
                    }
                }
                List<String> items = items(text, a, m0, list.size());
                if (items == null) {
                    continue;
                }
                boolean sharedTail = !terms.namedIn(text.substring(a, m0).split("、")[0]);
                int blockStart = Span.lastAtOrBefore(blockStarts, sentence.start(), ls, meter);
                String between = text.substring(m1, figures.get(list.get(0)).start());
                String lead = text.substring(blockStart, sentence.start()) + text.substring(a, m0)
                        + lex.sentenceEnds.charAt(0) + text.substring(sentence.start(), a);
                String evidence = text.substring(sentence.start(), sentence.end()).strip();
                List<RawMention> read = new ArrayList<>();
                int itemsRead = 0;
                boolean lastRead = false;
                for (int i = 0; i < list.size(); i++) {
                    Figure f = figures.get(list.get(i));
                    String figText = text.substring(f.start(), f.end());
                    String head = lead + items.get(i) + marker + between;
                    String synthetic = head + figText + lex.sentenceEnds.charAt(0);
                    List<RawMention> got = new ArrayList<>();
                    reader.read(synthetic, head.length() + f.numberStart() - f.start(), got);
                    for (RawMention g : got) {
                        read.add(g.respectively(evidence, f.numberStart()));
                    }
                    itemsRead += got.isEmpty() ? 0 : 1;
                    lastRead = !got.isEmpty() && i == list.size() - 1;
                    if (handled == null) {
                        handled = new boolean[figures.size()];
                    }
                    handled[list.get(i)] = true;
                }
                // "民事、刑事、行政法律援助案件分别为381宗、242宗和1宗": items sharing the last item's subject
                // and read as one indicator are its parts, none of them its total; otherwise the first is. So
                // are they when the reader sets the other items aside as parts ("民事...案件") and reads the last alone
                Set<String> seen = new HashSet<>();
                boolean lastAlone = lastRead && itemsRead == 1 && list.size() > 1 && groupsBefore(items);
                for (RawMention m : read) {
                    boolean repeated = lastAlone
                            || read.stream().filter(o -> o.indicator().equals(m.indicator())).count() > 1;
                    if (seen.add(m.indicator()) && !(repeated && sharedTail)) {
                        out.add(m);
                    }
                }
                at = figures.get(list.get(list.size() - 1)).end() - 1;
            }
        }
        return handled;
    }

    /** Do all items but the last name a group or kind of the last item's things ("民事、刑事、行政法律援助案件")? */
    private boolean groupsBefore(List<String> items) {
        for (int i = 0; i < items.size() - 1; i++) {
            String item = items.get(i);
            if (lex.subsetQualifiers.stream().noneMatch(item::startsWith)
                    && lex.partQualifiers.stream().noneMatch(item::startsWith)) {
                return false;
            }
        }
        return true;
    }

    /** The index of the first figure ending after {@code offset} (figures are in text order, disjoint). */
    private static int firstEndingAfter(List<Figure> figures, int offset, WorkMeter meter) {
        int lo = 0;
        int hi = figures.size();
        while (lo < hi) {
            meter.step();
            int mid = (lo + hi) >>> 1;
            if (figures.get(mid).end() <= offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The index of the first figure starting at or after {@code offset}. */
    private static int firstStartingAt(List<Figure> figures, int offset, WorkMeter meter) {
        int lo = 0;
        int hi = figures.size();
        while (lo < hi) {
            meter.step();
            int mid = (lo + hi) >>> 1;
            if (figures.get(mid).start() < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Indexes of the figures listed right after a 分别 marker ("为20件、18件"), or an empty list. */
    private List<Integer> listAfter(String text, int from, int to, List<Figure> figures, WorkMeter meter) {
        List<Integer> out = new ArrayList<>();
        for (int k = firstStartingAt(figures, from, meter); k < figures.size(); k++) {
            Figure f = figures.get(k);
            if (f.start() >= to || !f.hasUnit()) {
                break;
            }
            String gap = text.substring(out.isEmpty() ? from : figures.get(out.get(out.size() - 1)).end(), f.start());
            if (out.isEmpty()) {
                if (gap.length() > lex.respectivelyMaxGap || containsEnd(gap)) {
                    break;
                }
            } else if (!gap.isBlank() && !lex.listSeparators.contains(gap.strip())) {
                break;
            }
            out.add(k);
        }
        return out;
    }

    /** Does the gap between the marker and the first figure cross a clause or sentence end? */
    private boolean containsEnd(String gap) {
        for (int i = 0; i < gap.length(); i++) {
            char c = gap.charAt(i);
            if (segmenter.isClauseEnd(c) || segmenter.isSentenceEnd(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The n items of "受理、审结行政复议案件" (split at 、 and at 和 / 及 / 与 outside subject terms), with a
     * subject named in the first or last item given to the items that name none; null when the list does
     * not split into n items.
     */
    List<String> items(String text, int from, int to, int n) {
        List<SubjectTerms.Hit> subjectHits = terms.hits(text, from, to);
        List<int[]> comma = new ArrayList<>();
        List<int[]> all = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '、') {
                comma.add(new int[]{i, 1});
                all.add(new int[]{i, 1});
                continue;
            }
            for (String c : lex.itemConjunctions) {
                if (text.startsWith(c, i) && i + c.length() < to && i > from) {
                    boolean inside = false;
                    for (SubjectTerms.Hit h : subjectHits) {
                        if (h.start() < i + c.length() && h.end() > i) {
                            inside = true;
                            break;
                        }
                    }
                    if (!inside) {
                        all.add(new int[]{i, c.length()});
                        i += c.length() - 1;
                    }
                    break;
                }
            }
        }
        List<int[]> seps = all.size() + 1 == n ? all : comma.size() + 1 == n ? comma : null;
        if (seps == null) {
            return null;
        }
        List<String> items = new ArrayList<>();
        int s = from;
        for (int[] c : seps) {
            items.add(text.substring(s, c[0]).strip());
            s = c[0] + c[1];
        }
        items.add(text.substring(s, to).strip());
        for (String item : items) {
            if (item.isEmpty()) {
                return null;
            }
        }
        String lastSubject = terms.tail(items.get(items.size() - 1));
        String firstSubject = terms.head(items.get(0));
        String last = items.get(items.size() - 1);
        // "审核规范性文件、重大行政决策和政府合同分别为6件、3件、142件": the words before the first item's subject
        // (its verb) are shared by the later items that are bare nouns
        int firstAt = terms.firstTermStart(items.get(0));
        String sharedLead = firstAt > 0 ? items.get(0).substring(0, firstAt) : null;
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            if (!terms.namedIn(item)) {
                if (lastSubject != null && i < items.size() - 1) {
                    item = item + lastSubject;
                } else if (firstSubject != null && i > 0) {
                    item = firstSubject + item;
                }
            } else if (i > 0 && sharedLead != null && terms.firstTermStart(item) <= lex.respectivelyBareItemLead) {
                item = sharedLead + item;
            }
            for (String noun : lex.sharedHeadNouns) {
                if (i < items.size() - 1 && last.endsWith(noun) && !item.contains(noun)) {
                    item = item + noun; // "行政复议、行政应诉案件"
                }
            }
            out.add(item);
        }
        return out;
    }
}
