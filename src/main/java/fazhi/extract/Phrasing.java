package fazhi.extract;

import java.util.List;

/**
 * One way an indicator's figure is introduced in a report.
 *
 * @param id       short name, reported in {@link RawMention#rule()} for audit
 * @param subjects what is counted (行政复议案件, 规范性文件...); "…" in a term is a short gap
 * @param verbs    actions that must stand in the figure's clause (受理, 审结...); empty = none needed
 */
public record Phrasing(String id, List<String> subjects, List<String> verbs) {
    public Phrasing {
        subjects = List.copyOf(subjects);
        verbs = List.copyOf(verbs);
    }
}
