package fazhi.reference;

import java.util.List;

/**
 * One way an indicator's figure is introduced in a report.
 *
 * @param id        short name, reported in {@code RawMention.rule()} for audit
 * @param subjects  what is counted (行政复议案件, 规范性文件...); "…" in a term is a short gap; may be empty
 *                  for a share phrasing
 * @param verbs     actions that must stand in the figure's clause (受理, 审结...); empty = none needed
 * @param after     for a rate: the subject may stand after the figure, in its clause ("事项100%实现全程网办"); for a
 *                  count: the subject is read only right after the figure ("6件议案、69件建议"), never before it
 *                  or borrowed
 * @param shareOf   for a rate: "出庭应诉26件,占100%": a share word after a count named by one of these
 * @param context   words of which one must stand in the figure's list item / paragraph or sentence for this
 *                  phrasing (besides the indicator's own context); empty = no condition
 */
public record Phrasing(String id, List<String> subjects, List<String> verbs, boolean after, List<String> shareOf,
                       List<String> context) {
    public Phrasing {
        subjects = List.copyOf(subjects);
        verbs = List.copyOf(verbs);
        shareOf = List.copyOf(shareOf);
        context = List.copyOf(context);
    }

    public Phrasing(String id, List<String> subjects, List<String> verbs) {
        this(id, subjects, verbs, false, List.of(), List.of());
    }
}
