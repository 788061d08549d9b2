package fazhi.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SpanTest {

    @Test
    void theContainingSpanIsFoundInLogarithmicallyManySteps() {
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < 1 << 16; i++) {
            spans.add(new Span(10 * i, 10 * i + 8)); // gaps of 2 between spans
        }
        WorkMeter meter = new WorkMeter();
        assertThat(Span.containing(spans, 10 * 40_000 + 3, meter)).isEqualTo(new Span(400_000, 400_008));
        assertThat(Span.containing(spans, 10 * 40_000 + 9, meter)).isNull();
        assertThat(meter.steps()).isLessThanOrEqualTo(2 * 17);
    }

    @Test
    void theLastOffsetAtOrBeforeAPositionFallsBackWhenNoneIs() {
        List<Integer> starts = List.of(5, 12, 40);
        assertThat(Span.lastAtOrBefore(starts, 12, 0, WorkMeter.NONE)).isEqualTo(12);
        assertThat(Span.lastAtOrBefore(starts, 39, 0, WorkMeter.NONE)).isEqualTo(12);
        assertThat(Span.lastAtOrBefore(starts, 4, -1, WorkMeter.NONE)).isEqualTo(-1);
    }
}
