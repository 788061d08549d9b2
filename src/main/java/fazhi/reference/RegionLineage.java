package fazhi.reference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The history of county-level codes, 2010–2024 (schema/reference/region-changes.csv and region-transfers.csv,
 * from the MCA code lists; see README-region-changes.md there).
 *
 * <p>Two readings of a change:
 * <ul>
 *   <li><b>one series</b>: {@code renamed} and {@code recoded} are 1:1 (the same territory under a new name or
 *       code, e.g. 2021 431121 祁阳县 → 431181 祁阳市, a 县 becoming a 市; 2015 630221 平安县 → 630203 平安区). A
 *       figure reported under the old code continues the new code's series: {@link #seriesCode}.</li>
 *   <li><b>where the territory went</b>: {@code merged} also moves an old unit's land into another unit, which
 *       may already exist (2010 110103 崇文区 → 110101 东城区) or may have other predecessors. The successor is
 *       not the same territory, so the series does not continue; but its population is the sum of its
 *       predecessors' ({@link PopulationTable}). {@code created} carves a new unit out of a donor that lives
 *       on, and a {@link Transfer} moves land between units that keep their codes: both break comparability
 *       without changing a code.</li>
 * </ul>
 */
public final class RegionLineage {
    public static final String CHANGES_RESOURCE = "/schema/reference/region-changes.csv";
    public static final String TRANSFERS_RESOURCE = "/schema/reference/region-transfers.csv";
    static final String CHANGES_HEADER = "year,old_code,old_name,new_code,new_name,change";
    static final String TRANSFERS_HEADER = "year,from_code,from_name,to_code,to_name";

    /** The kinds of change of region-changes.csv (its README, "How the files were derived"). */
    public enum ChangeKind {
        RENAMED, RECODED, MERGED, CREATED, SPLIT, ABOLISHED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** True when the old and new code are the same territory, so that one series runs through. */
        public boolean continuesSeries() {
            return this == RENAMED || this == RECODED;
        }

        static ChangeKind of(String code) {
            for (ChangeKind k : values()) {
                if (k.code().equals(code)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown change kind " + code);
        }
    }

    /**
     * One old → new link in the year-end list of {@code year}. For {@code created}, {@code oldCode} is the donor
     * (which lives on) or null; for {@code abolished}, {@code newCode} is null.
     */
    public record Change(int year, String oldCode, String oldName, String newCode, String newName, ChangeKind kind) {
    }

    /** Part of {@code fromCode} moved into {@code toCode} in {@code year}; neither code changed. */
    public record Transfer(int year, String fromCode, String fromName, String toCode, String toName) {
    }

    private final List<Change> changes;
    private final List<Transfer> transfers;
    private final Map<String, List<Change>> byOld = new HashMap<>();
    private final Map<String, List<Change>> byNew = new HashMap<>();

    public RegionLineage(List<Change> changes, List<Transfer> transfers) {
        List<Change> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparingInt(Change::year));
        this.changes = List.copyOf(sorted);
        this.transfers = List.copyOf(transfers);
        for (Change c : this.changes) {
            if (c.oldCode() != null) {
                byOld.computeIfAbsent(c.oldCode(), k -> new ArrayList<>()).add(c);
            }
            if (c.newCode() != null) {
                byNew.computeIfAbsent(c.newCode(), k -> new ArrayList<>()).add(c);
            }
        }
    }

    private static volatile RegionLineage bundled;

    /** The lineage of schema/reference/, read once. */
    public static RegionLineage bundled() {
        RegionLineage b = bundled;
        if (b == null) {
            List<Change> changes = new ArrayList<>();
            for (String[] f : ReferenceCsv.bundled(CHANGES_RESOURCE, CHANGES_HEADER)) {
                changes.add(new Change(ReferenceCsv.year(f[0], CHANGES_RESOURCE), blankToNull(f[1]), blankToNull(f[2]),
                        blankToNull(f[3]), blankToNull(f[4]), ChangeKind.of(f[5])));
            }
            List<Transfer> transfers = new ArrayList<>();
            for (String[] f : ReferenceCsv.bundled(TRANSFERS_RESOURCE, TRANSFERS_HEADER)) {
                transfers.add(new Transfer(ReferenceCsv.year(f[0], TRANSFERS_RESOURCE), f[1], f[2], f[3], f[4]));
            }
            b = new RegionLineage(changes, transfers);
            bundled = b;
        }
        return b;
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    public List<Change> changes() {
        return changes;
    }

    public List<Transfer> transfers() {
        return transfers;
    }

    /** The changes in which {@code code} is the old unit (or the donor of a created unit), oldest first. */
    public List<Change> changesFrom(String code) {
        return byOld.getOrDefault(code, List.of());
    }

    /** The changes in which {@code code} is the new unit, oldest first. */
    public List<Change> changesInto(String code) {
        return byNew.getOrDefault(code, List.of());
    }

    /**
     * The latest code of the series a code belongs to: follows {@code recoded} links forward (a rename keeps the
     * code). 632121 平安县 → 630221 (2013) → 630203 平安区 (2015) gives 630203; a code never recoded is its own.
     */
    public String seriesCode(String code) {
        String current = code;
        int since = Integer.MIN_VALUE;
        for (int guard = 0; guard < 64; guard++) {
            Change next = null;
            for (Change c : changesFrom(current)) {
                if (c.year() > since && c.kind() == ChangeKind.RECODED && !current.equals(c.newCode())) {
                    next = c;
                    break;
                }
            }
            if (next == null) {
                return current;
            }
            current = next.newCode();
            since = next.year();
        }
        throw new IllegalStateException("region lineage: recode chain from " + code + " does not end");
    }

    /**
     * Every code of the series that {@code code} belongs to, oldest first, ending with {@link #seriesCode}: for
     * 630203 平安区 (or any of its earlier codes), [632121, 630221, 630203].
     */
    public List<String> seriesChain(String code) {
        List<String> chain = new ArrayList<>();
        String current = seriesCode(code);
        int before = Integer.MAX_VALUE;
        chain.add(current);
        for (int guard = 0; guard < 64; guard++) {
            Change previous = null;
            for (Change c : changesInto(current)) {
                if (c.year() < before && c.kind() == ChangeKind.RECODED && !current.equals(c.oldCode())) {
                    previous = c;   // the latest recode into this code before the one already followed
                }
            }
            if (previous == null) {
                Collections.reverse(chain);
                return List.copyOf(chain);
            }
            current = previous.oldCode();
            before = previous.year();
            chain.add(current);
        }
        throw new IllegalStateException("region lineage: recode chain into " + code + " does not end");
    }

    /**
     * Where a code's territory is now: its {@link #seriesCode}, or, for a unit merged whole into one other unit,
     * that unit's current code (110103 崇文区 → 110101 东城区). Empty when the territory was divided among several
     * units (2016 130421 邯郸县 → 邯山区 and 丛台区) or abolished.
     */
    public Optional<String> currentCode(String code) {
        String current = seriesCode(code);
        Set<String> seen = new HashSet<>();
        while (seen.add(current)) {
            List<Change> onward = new ArrayList<>();
            boolean livesOn = false;
            for (Change c : changesFrom(current)) {
                livesOn |= c.kind() == ChangeKind.RENAMED;   // a renamed code goes on existing
                if (c.kind() == ChangeKind.MERGED || c.kind() == ChangeKind.SPLIT || c.kind() == ChangeKind.ABOLISHED) {
                    onward.add(c);
                }
            }
            if (onward.isEmpty() || livesOn) {
                return Optional.of(current);
            }
            if (onward.size() > 1 || onward.get(0).newCode() == null) {
                return Optional.empty();
            }
            current = seriesCode(onward.get(0).newCode());
        }
        return Optional.of(current);
    }

    /**
     * The codes whose territory, as of the year-end lists from {@code sinceYear} on, makes up the territory
     * {@code code} has now: {@code code} itself and every unit that was renamed, recoded or merged into it (or
     * into one of those) in {@code sinceYear} or later. For 110101 东城区 since 2010: {110101, 110103}.
     */
    public Set<String> territorySince(String code, int sinceYear) {
        Set<String> codes = new LinkedHashSet<>();
        List<String> queue = new ArrayList<>(List.of(code));
        while (!queue.isEmpty()) {
            String c = queue.remove(queue.size() - 1);
            if (!codes.add(c)) {
                continue;
            }
            for (Change ch : changesInto(c)) {
                if (ch.year() >= sinceYear && ch.oldCode() != null && ch.kind() != ChangeKind.CREATED) {
                    queue.add(ch.oldCode());
                }
            }
        }
        return codes;
    }

    /**
     * True when some of the land of the territory {@code codes} went, in {@code sinceYear} or later, to a unit
     * outside it: a merge into several units, a unit created from it, or a transfer. Then a census figure of
     * those codes from before that year overstates the territory as it is now.
     */
    public boolean lostLandSince(Set<String> codes, int sinceYear) {
        for (String c : codes) {
            for (Change ch : changesFrom(c)) {
                if (ch.year() >= sinceYear && ch.newCode() != null && !codes.contains(ch.newCode())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when a transfer, in {@code sinceYear} or later, moved land into or out of one of {@code codes}. */
    public boolean transferredSince(Set<String> codes, int sinceYear) {
        for (Transfer t : transfers) {
            if (t.year() >= sinceYear && (codes.contains(t.fromCode()) != codes.contains(t.toCode()))) {
                return true;
            }
        }
        return false;
    }
}
