package fazhi.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resident population (常住人口) of a county-level unit for a year, from the 2010 and 2020 censuses
 * (schema/reference/population.csv; see README-population.md there).
 *
 * <p><b>Whose population.</b> The population of a code is that of its territory as it is now (the latest code
 * list), so that a series divided by it compares like with like. A historical code is first brought forward
 * along its series ({@link RegionLineage#seriesCode}: 431121 祁阳县 → 431181 祁阳市). A census figure of that
 * territory is the sum of the census rows of every code merged or recoded into it since the census
 * ({@link RegionLineage#territorySince}: 东城区 in 2010 = 110101 东城区 + 110103 崇文区). A census is left out
 * when the territory then was larger than now (land went to another unit since: a split merge, a unit created
 * out of it) or when no census row covers it (a unit created after the census).
 *
 * <p><b>The rule for a year</b> ({@link Method}): a census year gives the census figure; a year between the
 * censuses the straight line between the two figures, rounded to a whole person (half up); a year after 2020
 * (or before 2010) the nearest census, carried, because a decade's change extrapolated further compounds its
 * error in the counties that shrink or grow fastest; with one usable census, that census for every year.
 */
public final class PopulationTable {
    public static final String RESOURCE = "/schema/reference/population.csv";
    static final String HEADER = "region_code,region_name,province,year,population,source";
    public static final int FIRST_CENSUS = 2010;
    public static final int SECOND_CENSUS = 2020;

    /** How the figure of a year was obtained. */
    public enum Method {
        /** the census figure of that year */
        CENSUS,
        /** on the straight line between the 2010 and 2020 figures */
        INTERPOLATED,
        /** the nearest census carried to a year outside 2010–2020 */
        NEAREST_CENSUS,
        /** only one census covers the territory as it is now; its figure for every year */
        ONE_CENSUS;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The census figure of a territory and the census codes it sums. */
    public record CensusFigure(int censusYear, long population, List<String> codes) {
    }

    /**
     * The population of {@code regionCode} in {@code year}. {@code seriesCode} is the code whose current territory
     * it is; {@code transferSinceCensus} is true when a town-level transfer moved land into or out of it after
     * a census used (the figure is then slightly off, by an unknown amount).
     */
    public record Estimate(String regionCode, String seriesCode, int year, long population, Method method,
                           CensusFigure census2010, CensusFigure census2020, boolean transferSinceCensus) {
    }

    private final Map<Integer, Map<String, Long>> census;
    private final RegionLineage lineage;
    private final Map<String, Optional<CensusFigure>> figures = new ConcurrentHashMap<>();

    /** @param census census year → region code → population, codes as the census tables used them */
    public PopulationTable(Map<Integer, Map<String, Long>> census, RegionLineage lineage) {
        this.census = Map.copyOf(census);
        this.lineage = lineage;
    }

    private static volatile PopulationTable bundled;

    public static PopulationTable bundled() {
        PopulationTable b = bundled;
        if (b == null) {
            Map<Integer, Map<String, Long>> census = new HashMap<>();
            for (String[] f : ReferenceCsv.bundled(RESOURCE, HEADER)) {
                int year = ReferenceCsv.year(f[3], RESOURCE);
                if (year != FIRST_CENSUS && year != SECOND_CENSUS) {
                    throw new IllegalArgumentException(RESOURCE + ": not a census year: " + f[3]);
                }
                long population;
                try {
                    population = Long.parseLong(f[4]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(RESOURCE + ": population of " + f[0] + " is not a number: " + f[4], e);
                }
                census.computeIfAbsent(year, k -> new HashMap<>()).put(f[0], population);
            }
            b = new PopulationTable(census, RegionLineage.bundled());
            bundled = b;
        }
        return b;
    }

    public RegionLineage lineage() {
        return lineage;
    }

    /** The census figure of a code's current territory, when that census covers exactly that territory. */
    public Optional<CensusFigure> census(String code, int censusYear) {
        String series = lineage.seriesCode(code);
        return figures.computeIfAbsent(series + "@" + censusYear, k -> reconstruct(series, censusYear));
    }

    private Optional<CensusFigure> reconstruct(String series, int censusYear) {
        Map<String, Long> rows = census.get(censusYear);
        if (rows == null) {
            return Optional.empty();
        }
        Set<String> territory = lineage.territorySince(series, censusYear);
        if (lineage.lostLandSince(territory, censusYear)) {
            return Optional.empty();
        }
        long sum = 0;
        List<String> codes = new ArrayList<>();
        for (String c : territory) {
            Long p = rows.get(c);
            if (p != null) {
                sum += p;
                codes.add(c);
            }
        }
        codes.sort(null);
        return codes.isEmpty() ? Optional.empty() : Optional.of(new CensusFigure(censusYear, sum, List.copyOf(codes)));
    }

    /** The resident population of a code's current territory in a year, by the rule of the class comment. */
    public Optional<Estimate> estimate(String code, int year) {
        String series = lineage.seriesCode(code);
        Optional<CensusFigure> first = census(series, FIRST_CENSUS);
        Optional<CensusFigure> second = census(series, SECOND_CENSUS);
        if (first.isEmpty() && second.isEmpty()) {
            return Optional.empty();
        }
        long population;
        Method method;
        int sinceCensus;
        if (first.isEmpty() || second.isEmpty()) {
            CensusFigure only = first.orElseGet(second::get);
            population = only.population();
            method = year == only.censusYear() ? Method.CENSUS : Method.ONE_CENSUS;
            sinceCensus = only.censusYear();
        } else if (year <= FIRST_CENSUS || year >= SECOND_CENSUS) {
            CensusFigure nearest = year <= FIRST_CENSUS ? first.get() : second.get();
            population = nearest.population();
            method = year == nearest.censusYear() ? Method.CENSUS : Method.NEAREST_CENSUS;
            sinceCensus = nearest.censusYear();
        } else {
            population = interpolate(first.get().population(), second.get().population(), year);
            method = Method.INTERPOLATED;
            sinceCensus = FIRST_CENSUS;
        }
        boolean transfer = lineage.transferredSince(lineage.territorySince(series, sinceCensus), sinceCensus);
        return Optional.of(new Estimate(code, series, year, population, method, first.orElse(null),
                second.orElse(null), transfer));
    }

    /** The figure alone; empty when no census covers the territory. */
    public OptionalLong population(String code, int year) {
        return estimate(code, year).map(e -> OptionalLong.of(e.population())).orElse(OptionalLong.empty());
    }

    /** p2010 + (p2020 − p2010)(year − 2010)/10, rounded half up (R: floor(x + 0.5)). */
    static long interpolate(long p2010, long p2020, int year) {
        double x = p2010 + (p2020 - p2010) * (double) (year - FIRST_CENSUS) / (SECOND_CENSUS - FIRST_CENSUS);
        return (long) Math.floor(x + 0.5);
    }
}
