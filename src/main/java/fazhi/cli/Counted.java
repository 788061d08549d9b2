package fazhi.cli;

/** "1 figure", "2 figures": a count with its noun in the right number, for messages a person reads. */
final class Counted {
    private Counted() {
    }

    static String of(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
