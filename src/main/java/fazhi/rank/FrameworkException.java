package fazhi.rank;

import java.util.List;

/** A ranking framework that breaks one or more constraints; one message per broken constraint. */
public final class FrameworkException extends RuntimeException {
    private final List<String> problems;

    public FrameworkException(String source, List<String> problems) {
        super("ranking framework " + source + " is not valid:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
