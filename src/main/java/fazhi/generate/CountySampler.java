package fazhi.generate;

import fazhi.ingest.ReportIdentifier;
import fazhi.reference.Region;
import fazhi.reference.RegionTable;
import fazhi.reference.PopulationTable;
import fazhi.stats.Medians;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Picks real county-level regions: N spread over provinces in proportion to how many county-level units each
 * has (largest-remainder apportionment), then a seeded draw inside each province. Only units that publish such
 * reports are eligible: names ending in a county-level suffix (names.county_suffixes of
 * schema/ingest-identification.yaml, the list the report identifier drops from names; not 西沙群岛 and the like).
 */
final class CountySampler {
    private final Map<String, List<Region>> byProvince = new LinkedHashMap<>();

    CountySampler(RegionTable table) {
        List<String> suffixes = ReportIdentifier.countySuffixes();
        for (Region r : table.all()) {
            if (r.level().equals("county") && suffixes.stream().anyMatch(r.name()::endsWith)) {
                byProvince.computeIfAbsent(r.provinceCode(), k -> new ArrayList<>()).add(r);
            }
        }
    }

    int eligibleCount() {
        return byProvince.values().stream().mapToInt(List::size).sum();
    }

    Map<String, List<Region>> byProvince() {
        return byProvince;
    }

    /** n counties over all provinces, proportional to their county-level units */
    List<Region> proportional(int n, long seed) {
        int total = eligibleCount();
        if (n < 1 || n > total) {
            throw new IllegalArgumentException("--counties must be between 1 and " + total + " (the eligible "
                    + "county-level units of the region table), got " + n);
        }
        Map<String, Integer> quota = new LinkedHashMap<>();
        List<Map.Entry<String, Double>> remainders = new ArrayList<>();
        int assigned = 0;
        for (Map.Entry<String, List<Region>> e : byProvince.entrySet()) {
            double exact = (double) n * e.getValue().size() / total;
            int q = (int) Math.floor(exact);
            quota.put(e.getKey(), q);
            assigned += q;
            remainders.add(Map.entry(e.getKey(), exact - q));
        }
        remainders.sort(Map.Entry.<String, Double>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey()));
        for (int i = 0; assigned < n; i++, assigned++) {
            quota.merge(remainders.get(i).getKey(), 1, Integer::sum);
        }
        List<Region> out = new ArrayList<>();
        quota.forEach((province, q) -> out.addAll(draw(province, q, seed)));
        out.sort(Comparator.comparing(Region::code));
        return out;
    }

    /** k counties from each of the given provinces */
    List<Region> perProvince(List<String> provinceCodes, int k, long seed) {
        List<Region> out = new ArrayList<>();
        for (String p : provinceCodes) {
            List<Region> counties = byProvince.get(p);
            if (counties == null) {
                throw new IllegalArgumentException("unknown province code " + p);
            }
            out.addAll(draw(p, Math.min(k, counties.size()), seed));
        }
        out.sort(Comparator.comparing(Region::code));
        return out;
    }

    /**
     * log(population / median population) of the 2020 census (schema/reference/population.csv), the median taken
     * over the eligible counties that have a census figure; empty for a county no census covers.
     */
    Function<String, OptionalDouble> logRelativePopulation(PopulationTable populations) {
        Map<String, Long> census = new HashMap<>();
        for (List<Region> counties : byProvince.values()) {
            for (Region r : counties) {
                populations.population(r.code(), PopulationTable.SECOND_CENSUS).ifPresent(p -> census.put(r.code(), p));
            }
        }
        if (census.isEmpty()) {
            return code -> OptionalDouble.empty();
        }
        double median = Medians.median(census.values().stream().mapToDouble(Long::doubleValue).toArray());
        return code -> {
            Long p = census.get(code);
            return p == null || p <= 0 ? OptionalDouble.empty() : OptionalDouble.of(Math.log(p / median));
        };
    }

    private List<Region> draw(String province, int k, long seed) {
        List<Region> counties = new ArrayList<>(byProvince.get(province));
        Rng r = Rng.of(seed, "sample", province);
        for (int i = counties.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            Region tmp = counties.get(i);
            counties.set(i, counties.get(j));
            counties.set(j, tmp);
        }
        return counties.subList(0, k);
    }
}
