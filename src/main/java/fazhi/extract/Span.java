package fazhi.extract;

import java.util.List;

/** A stretch [start, end) of the text: a sentence, a clause, a cell. */
record Span(int start, int end) {

    boolean contains(int offset) {
        return offset >= start && offset < end;
    }

    /**
     * The span of a sorted list of disjoint spans that contains the offset, or null: a binary search, so
     * that finding the sentence of every figure of a long line stays O(n log n), not O(n²).
     */
    static Span containing(List<Span> spans, int offset, WorkMeter meter) {
        int i = indexContaining(spans, offset, meter);
        return i < 0 ? null : spans.get(i);
    }

    /** The index of the span containing the offset, or -1 (as {@link #containing}). */
    static int indexContaining(List<Span> spans, int offset, WorkMeter meter) {
        int lo = 0;
        int hi = spans.size() - 1;
        while (lo <= hi) {
            meter.step();
            int mid = (lo + hi) >>> 1;
            Span s = spans.get(mid);
            if (offset < s.start) {
                hi = mid - 1;
            } else if (offset >= s.end) {
                lo = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** The last of the sorted offsets that is at most {@code offset} ({@code fallback} when none is). */
    static int lastAtOrBefore(List<Integer> sorted, int offset, int fallback, WorkMeter meter) {
        int lo = 0;
        int hi = sorted.size() - 1;
        int found = fallback;
        while (lo <= hi) {
            meter.step();
            int mid = (lo + hi) >>> 1;
            if (sorted.get(mid) <= offset) {
                found = sorted.get(mid);
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
