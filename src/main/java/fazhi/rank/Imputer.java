package fazhi.rank;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fills the gaps of one year's treated values (counties × indicators, NaN = not reported) within each scope
 * (province, or the nation), from the counties of that scope that did report the indicator (the donors).
 * An indicator with fewer than {@code minDonors} donors in a scope is not imputed there.
 *
 * <p>{@link Imputation#COUNTY_POSITION}: every donor value has a standardised position
 * z = direction · (x − mean) / sd within its scope. A county's level g is the mean z over the n indicators it
 * reported. Under a one-factor model where any two indicators' positions correlate ρ, the best linear
 * predictor of a missing position is b(n) · g with b(n) = nρ / (1 + (n − 1)ρ), and its residual variance is
 * 1 − ρ · b(n). ρ is the framework's number, or estimated each year as the pooled Pearson correlation of the
 * positions over every pair of indicators that at least {@link #MIN_PAIR} counties reported together (pairs
 * weighted by that count), clipped to [0, 0.95]. The imputed value is mean + direction · b(n) · g · sd,
 * clamped to the donors' range (an imputed figure never becomes a new best or worst).
 *
 * <p>Draws (Monte Carlo): {@link Imputation#PROVINCE_MEDIAN} takes a random donor's value (the peer
 * distribution); {@link Imputation#COUNTY_POSITION} adds to its prediction a random donor's deviation from the
 * mean, times √(residual variance), clamped to the donors' range. A county with little data therefore gets
 * draws as wide as its peers, and its rank interval widens accordingly.
 */
final class Imputer {
    /** fewest counties reporting two indicators for that pair to enter the estimate of ρ */
    static final int MIN_PAIR = 5;
    static final double MAX_RHO = 0.95;

    /** The donors of one indicator in one scope. */
    record Donors(double[] values, double mean, double sd, double median, double min, double max) {
        static Donors of(double[] v) {
            double[] s = v.clone();
            Arrays.sort(s);
            double mean = Arrays.stream(v).average().orElse(Double.NaN);
            double ss = 0;
            for (double x : v) {
                ss += (x - mean) * (x - mean);
            }
            double sd = v.length < 2 ? 0 : Math.sqrt(ss / (v.length - 1));
            int n = s.length;
            double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
            return new Donors(v, mean, sd, median, s[0], s[n - 1]);
        }

        double clamp(double x) {
            return Math.max(min, Math.min(max, x));
        }
    }

    /** One imputed cell: the county (row), indicator (column), the value and what the draws need. */
    record Cell(int unit, int indicator, Donors donors, double value, double prediction, double residualScale) {
    }

    /** Everything the imputation of one year produced. */
    record Result(List<Cell> cells, double rho, String rhoSource) {
    }

    private final Imputation method;
    private final int minDonors;
    private final Double fixedRho;
    private final int[] directions;

    Imputer(Imputation method, int minDonors, Double fixedRho, int[] directions) {
        this.method = method;
        this.minDonors = minDonors;
        this.fixedRho = fixedRho;
        this.directions = directions;
    }

    /**
     * @param tr        treated values, NaN where not reported (rows of screened-out counties are all NaN)
     * @param scopes    scope → its counties (row indices)
     * @param impute    which rows may be imputed (screened-in counties)
     */
    Result impute(double[][] tr, List<List<Integer>> scopes, boolean[] impute) {
        if (method == Imputation.NONE) {
            return new Result(List.of(), Double.NaN, "none");
        }
        int n = tr.length;
        int k = directions.length;
        Donors[][] donors = new Donors[scopes.size()][k];
        double[][] z = new double[n][k];
        for (double[] row : z) {
            Arrays.fill(row, Double.NaN);
        }
        for (int s = 0; s < scopes.size(); s++) {
            for (int j = 0; j < k; j++) {
                List<Integer> rep = new ArrayList<>();
                for (int u : scopes.get(s)) {
                    if (!Double.isNaN(tr[u][j])) {
                        rep.add(u);
                    }
                }
                if (rep.size() < minDonors) {
                    continue;
                }
                double[] v = new double[rep.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = tr[rep.get(i)][j];
                }
                Donors d = Donors.of(v);
                donors[s][j] = d;
                if (d.sd() > 0) {
                    for (int u : rep) {
                        z[u][j] = directions[j] * (tr[u][j] - d.mean()) / d.sd();
                    }
                }
            }
        }
        double rho = fixedRho != null ? fixedRho : estimateRho(z, k);
        String rhoSource = fixedRho != null ? "framework" : "estimated";

        List<Cell> cells = new ArrayList<>();
        for (int s = 0; s < scopes.size(); s++) {
            for (int u : scopes.get(s)) {
                if (!impute[u]) {
                    continue;
                }
                int reported = 0;
                double sumZ = 0;
                for (int j = 0; j < k; j++) {
                    if (!Double.isNaN(z[u][j])) {
                        reported++;
                        sumZ += z[u][j];
                    }
                }
                double level = reported == 0 ? 0 : sumZ / reported;
                double b = reported == 0 ? 0 : reported * rho / (1 + (reported - 1) * rho);
                for (int j = 0; j < k; j++) {
                    Donors d = donors[s][j];
                    if (!Double.isNaN(tr[u][j]) || d == null) {
                        continue;
                    }
                    if (method == Imputation.PROVINCE_MEDIAN) {
                        cells.add(new Cell(u, j, d, d.median(), d.median(), 1));
                    } else {
                        double prediction = d.mean() + directions[j] * b * level * d.sd();
                        cells.add(new Cell(u, j, d, d.clamp(prediction), prediction,
                                Math.sqrt(Math.max(0, 1 - rho * b))));
                    }
                }
            }
        }
        return new Result(cells, rho, rhoSource);
    }

    /** One Monte Carlo value of an imputed cell. */
    double draw(Cell c, SplittableRandom rng) {
        double donor = c.donors().values()[rng.nextInt(c.donors().values().length)];
        if (method == Imputation.PROVINCE_MEDIAN) {
            return donor;
        }
        return c.donors().clamp(c.prediction() + c.residualScale() * (donor - c.donors().mean()));
    }

    /** Pooled Pearson correlation of the standardised positions over indicator pairs, clipped to [0, 0.95]. */
    static double estimateRho(double[][] z, int k) {
        double num = 0;
        double den = 0;
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                List<double[]> pairs = new ArrayList<>();
                for (double[] row : z) {
                    if (!Double.isNaN(row[a]) && !Double.isNaN(row[b])) {
                        pairs.add(new double[] {row[a], row[b]});
                    }
                }
                if (pairs.size() < MIN_PAIR) {
                    continue;
                }
                double r = pearson(pairs);
                if (!Double.isNaN(r)) {
                    num += pairs.size() * r;
                    den += pairs.size();
                }
            }
        }
        if (den == 0) {
            return 0;
        }
        return Math.max(0, Math.min(MAX_RHO, num / den));
    }

    private static double pearson(List<double[]> pairs) {
        double mx = 0;
        double my = 0;
        for (double[] p : pairs) {
            mx += p[0];
            my += p[1];
        }
        mx /= pairs.size();
        my /= pairs.size();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (double[] p : pairs) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
            syy += (p[1] - my) * (p[1] - my);
        }
        return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Double.NaN;
    }
}
