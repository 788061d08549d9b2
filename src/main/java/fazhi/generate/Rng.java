package fazhi.generate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Deterministic random numbers keyed by (seed, purpose, ...): the same keys give the same stream on every JVM,
 * whatever order the corpus is generated in. That is what makes a corpus byte-identical for a seed.
 */
final class Rng {
    private final SplittableRandom random;

    private Rng(long state) {
        this.random = new SplittableRandom(state);
    }

    static Rng of(long seed, Object... keys) {
        long h = 0xcbf29ce484222325L; // FNV-1a over the keys, then mixed with the seed
        for (Object key : keys) {
            for (byte b : String.valueOf(key).getBytes(StandardCharsets.UTF_8)) {
                h ^= (b & 0xff);
                h *= 0x100000001b3L;
            }
            h ^= 0x1f;
            h *= 0x100000001b3L;
        }
        return new Rng(mix(seed ^ mix(h)));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    double nextDouble() {
        return random.nextDouble();
    }

    /** uniform in [0, bound) */
    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** uniform in [lo, hi] */
    int between(int lo, int hi) {
        return lo + random.nextInt(hi - lo + 1);
    }

    double uniform(double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** standard normal (Box-Muller, our own so that it never depends on the JDK's implementation) */
    double gaussian() {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(1.0 - u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** a key drawn with the given weights (iteration order of the map matters: use a LinkedHashMap) */
    String weighted(Map<String, ? extends Number> weights) {
        double total = 0;
        for (Number w : weights.values()) {
            total += w.doubleValue();
        }
        double x = random.nextDouble() * total;
        String last = null;
        for (Map.Entry<String, ? extends Number> e : weights.entrySet()) {
            last = e.getKey();
            x -= e.getValue().doubleValue();
            if (x < 0) {
                return last;
            }
        }
        return last;
    }
}
