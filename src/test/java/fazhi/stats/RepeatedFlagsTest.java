package fazhi.stats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

class RepeatedFlagsTest {
    private static final String LEVEL = OutlierDetector.METHOD_LEVEL;
    private static final String JUMP = OutlierDetector.METHOD_YOY;

    /** a nation row of 370102's penalty_cases; score null for "not scored", flagged above 3.5 */
    private static OutlierRow row(String region, int year, String method, Double score) {
        return new OutlierRow(region, "penalty_cases", 1, OutlierDetector.SCOPE_NATION, method, score,
                score != null && Math.abs(score) > 3.5, "37", "county", null, null, 100, 0.0, 1.0, 1.0, null, null,
                false, 3.5, null, null, "run", year);
    }

    private static List<Integer> repeats(RepeatedFlags flags, OutlierRow... rows) {
        List<Integer> out = new ArrayList<>();
        for (OutlierRow r : flags.mark(List.of(rows))) {
            out.add(r.repeatOfYear());
        }
        return out;
    }

    @Test
    void theChangeBackAfterAOneYearOutlierRepeatsItsFlag() {
        RepeatedFlags flags = new RepeatedFlags(UnaryOperator.identity());
        assertThat(repeats(flags, row("370102", 2020, LEVEL, 0.4))).containsOnlyNulls();
        // 2021: ten times its usual level, flagged as a level and a jump: a finding
        assertThat(repeats(flags, row("370102", 2021, LEVEL, 8.0), row("370102", 2021, JUMP, 7.0)))
                .containsOnlyNulls();
        // 2022: back to normal: only the jump down is flagged, and it repeats 2021
        assertThat(repeats(flags, row("370102", 2022, LEVEL, 0.5), row("370102", 2022, JUMP, -7.5)))
                .containsExactly(null, 2021);
    }

    @Test
    void aLevelThatStaysWhereAFlaggedJumpTookItRepeatsTheJump() {
        RepeatedFlags flags = new RepeatedFlags(UnaryOperator.identity());
        assertThat(repeats(flags, row("370102", 2020, LEVEL, 2.0), row("370102", 2020, JUMP, 5.0)))
                .containsOnlyNulls();
        assertThat(repeats(flags, row("370102", 2021, LEVEL, 4.0), row("370102", 2021, JUMP, 0.2)))
                .containsExactly(2020, null);
        // and the year after still: a chain of repeats
        assertThat(repeats(flags, row("370102", 2022, LEVEL, 4.2))).containsExactly(2021);
    }

    @Test
    void aNewJumpOrAFlagAfterAGapOrInTheOtherDirectionIsAFindingOfItsOwn() {
        RepeatedFlags flags = new RepeatedFlags(UnaryOperator.identity());
        repeats(flags, row("370102", 2020, LEVEL, 6.0), row("370103", 2020, LEVEL, 6.0));
        // a jump in the same direction as last year's outlier and a level flipped to the other side: new
        assertThat(repeats(flags, row("370102", 2021, LEVEL, 9.0), row("370102", 2021, JUMP, 4.0),
                row("370103", 2021, LEVEL, -5.0))).containsOnlyNulls();
        // 2023 follows 2021 with a gap: nothing to repeat
        assertThat(repeats(flags, row("370102", 2023, LEVEL, 9.0))).containsOnlyNulls();
    }

    @Test
    void aRecodedCountyRepeatsTheFlagOfItsOldCode() {
        RepeatedFlags flags = new RepeatedFlags(code -> code.equals("431121") ? "431181" : code);
        repeats(flags, row("431121", 2020, LEVEL, 6.0));
        assertThat(repeats(flags, row("431181", 2021, JUMP, -6.0))).containsExactly(2020);
    }
}
