package fazhi.extract;

/** How a phrasing matched a figure; the label is what the mention's audit rule says ("recon_accepted:accepted/after"). */
enum MatchKind {
    /** The subject stands before the figure in its clause ("受理行政复议案件19件"). */
    BEFORE(""),
    /** The subject stands right after the figure ("80件规范性文件进行了清理"). */
    AFTER("after"),
    /** The figure continues the subject or rate named just before ("上年为87%,今年提升至96.5%"). */
    CONTINUED("continued"),
    /** The subject stands before the figure, the verb in a later clause ("证明事项共29项,经研究全部予以取消"). */
    VERB_LATER("verb-later"),
    /** A verb-only clause borrows the subject named last in the sentence ("收到申请19件,受理19件"). */
    INHERITED("inherited"),
    /** A rate as the share of the count just named ("负责人出庭应诉26件,占100%"). */
    SHARE("share"),
    /** One figure given to each rate of a list ("响应率、办结率均为100%"). */
    EACH("each");

    final String label;

    MatchKind(String label) {
        this.label = label;
    }
}
