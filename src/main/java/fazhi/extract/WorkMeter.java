package fazhi.extract;

/**
 * Counts the steps of the extractor's lookups (a sentence for a figure, a list item, the figures after a
 * position) and the characters its verb searches examine, so that a test can pin that extraction grows with
 * the size of the text and not with its square without measuring time. {@link #NONE} counts nothing.
 */
class WorkMeter {

    static final WorkMeter NONE = new WorkMeter() {
        @Override
        void step() {
        }

        @Override
        void add(long n) {
        }
    };

    private long steps;

    void step() {
        steps++;
    }

    void add(long n) {
        steps += n;
    }

    long steps() {
        return steps;
    }
}
