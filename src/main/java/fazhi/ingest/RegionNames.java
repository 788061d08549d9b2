package fazhi.ingest;

import fazhi.reference.RegionTable;
import fazhi.reference.Region;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds region names in (normalised) text: official names (冠县), full names (山东省聊城市冠县),
 * prefecture + county (聊城市冠县), province + name, and short names with the suffix dropped (湄潭, 聊城,
 * 北京) when the short name points to one region (or to one province and its own city, like 吉林).
 * Scanning is longest match first, so 朝阳区 is one mention, not 朝阳 + 区.
 */
final class RegionNames {

    /** A name found in the text; {@code regions} has more than one element when the name is ambiguous. */
    record Mention(int start, int end, String name, List<Region> regions, boolean shortName) {
        boolean ambiguous() {
            return regions.size() > 1;
        }
    }

    private final Map<String, List<Region>> exact = new HashMap<>();
    private final Map<String, List<Region>> shortNames = new HashMap<>();
    private final Set<Character> firstChars = new HashSet<>();
    private final Set<String> commonWordNames;
    private final Set<String> excludedInRunningText;
    private final List<String> governmentWords;
    private final IdentificationCues cues;
    private int maxLength;

    RegionNames(RegionTable table, IdentificationCues cues) {
        this.cues = cues;
        this.commonWordNames = Set.copyOf(cues.commonWordNames());
        this.excludedInRunningText = Set.copyOf(cues.runningTextExcludedNames());
        this.governmentWords = cues.governmentWords();
        Map<String, Region> byCode = new HashMap<>();
        for (Region r : table.all()) {
            byCode.put(r.code(), r);
        }
        for (Region r : table.all()) {
            addExact(r.name(), r);
            addExact(r.fullName(), r);
            if (r.level().equals("county")) {
                if (r.prefectureName() != null && !r.prefectureCode().equals(r.provinceCode())) {
                    addExact(r.prefectureName() + r.name(), r);
                }
                addExact(r.provinceName() + r.name(), r);
            } else if (r.level().equals("prefecture")) {
                addExact(r.provinceName() + r.name(), r);
            }
        }
        // 甘南藏族自治州 → 甘南州: the short name and the unit's kind, unless that is another region's official name
        Map<String, List<Region>> shortForms = new LinkedHashMap<>();
        for (Region r : table.all()) {
            for (Map.Entry<String, String> kind : cues.autonomousShortForms().entrySet()) {
                String s = r.name().endsWith(kind.getKey()) ? shortName(r) : null;
                if (s != null && !exact.containsKey(s + kind.getValue())) {
                    shortForms.computeIfAbsent(s + kind.getValue(), k -> new ArrayList<>()).add(r);
                }
            }
        }
        shortForms.forEach((form, rs) -> rs.forEach(r -> addExact(form, r)));
        Map<String, List<Region>> shortCandidates = new LinkedHashMap<>();
        for (Region r : table.all()) {
            String s = shortName(r);
            if (s != null) {
                shortCandidates.computeIfAbsent(s, k -> new ArrayList<>()).add(r);
            }
        }
        Set<String> stop = Set.copyOf(cues.shortNameStopwords());
        for (Map.Entry<String, List<Region>> e : shortCandidates.entrySet()) {
            String key = e.getKey();
            if (key.length() < cues.minShortLength() || stop.contains(key) || exact.containsKey(key)) {
                continue;
            }
            List<Region> rs = e.getValue();
            Region chosen = null;
            if (rs.size() == 1) {
                chosen = rs.get(0);
            } else if (rs.stream().map(Region::provinceCode).distinct().count() == 1) {
                // 吉林 → 吉林省 and 吉林市: the province stands for both
                chosen = rs.stream().filter(r -> r.level().equals("province")).findFirst().orElse(null);
            }
            if (chosen != null) {
                shortNames.put(key, List.of(chosen));
                index(key);
            }
        }
    }

    private void addExact(String name, Region r) {
        if (name == null || name.isEmpty()) {
            return;
        }
        List<Region> list = exact.computeIfAbsent(name, k -> new ArrayList<>(1));
        if (!list.contains(r)) {
            list.add(r);
        }
        index(name);
    }

    private void index(String name) {
        firstChars.add(name.charAt(0));
        maxLength = Math.max(maxLength, name.length());
    }

    /** The name without its administrative suffix and people's names: 湄潭县 → 湄潭, 黔东南苗族侗族自治州 → 黔东南. */
    String shortName(Region r) {
        List<String> suffixes = switch (r.level()) {
            case "province" -> cues.provinceSuffixes();
            case "prefecture" -> cues.prefectureSuffixes();
            default -> cues.countySuffixes();
        };
        String name = r.name();
        String stem = null;
        for (String suffix : suffixes) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                stem = name.substring(0, name.length() - suffix.length());
                break;
            }
        }
        if (stem == null) {
            return null;
        }
        int cut = stem.length();
        for (String people : cues.ethnicNames()) {
            int i = stem.indexOf(people);
            if (i > 0 && i < cut) {
                cut = i;
            }
        }
        stem = stem.substring(0, cut);
        return stem.length() >= 2 ? stem : null;
    }

    /** All names in a short snippet (a title, a publisher): every kind of name, including county short names. */
    List<Mention> find(String text) {
        return find(text, false);
    }

    /**
     * All names in the text. Official names are found first (longest match, left to right), then short names
     * in the gaps between them, so 召开鲁山县 is 鲁山县, not 开鲁 + 山县.
     *
     * @param runningText true for body text, where words like 公安, 资源, 比如 (short names of counties) and
     *                    和县 in 市政府和县委 are ordinary words: county short names are not used, and two-character
     *                    county names count only right after their city's name or before a government word
     */
    List<Mention> find(String text, boolean runningText) {
        List<Mention> exactMentions = new ArrayList<>();
        boolean[] covered = new boolean[text.length()];
        scan(text, exact, false, runningText, exactMentions, covered);
        List<Mention> shortMentions = new ArrayList<>();
        scan(text, shortNames, true, runningText, shortMentions, covered);
        if (shortMentions.isEmpty()) {
            return exactMentions;
        }
        List<Mention> all = new ArrayList<>(exactMentions);
        all.addAll(shortMentions);
        all.sort(java.util.Comparator.comparingInt(Mention::start));
        return all;
    }

    private void scan(String text, Map<String, List<Region>> dictionary, boolean isShort, boolean runningText,
                      List<Mention> out, boolean[] covered) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (covered[i] || !firstChars.contains(text.charAt(i))) {
                continue;
            }
            for (int len = Math.min(maxLength, n - i); len >= 2; len--) {
                if (covered[i + len - 1]) {
                    continue;
                }
                String key = text.substring(i, i + len);
                List<Region> rs = dictionary.get(key);
                if (rs == null) {
                    continue;
                }
                boolean county = rs.stream().allMatch(r -> r.level().equals("county"));
                if (runningText && (isShort && county || excludedInRunningText.contains(key))) {
                    continue;
                }
                boolean commonWord = commonWordNames.contains(key);
                boolean twoCharacters = runningText && county && len == 2;
                if ((commonWord || twoCharacters) && !qualified(text, i, len, out)
                        && !(twoCharacters && !commonWord && opensClause(text, i, len))) {
                    continue;
                }
                out.add(new Mention(i, i + len, key, List.copyOf(rs), isShort));
                for (int k = i; k < i + len; k++) {
                    covered[k] = true;
                }
                i += len - 1;
                break;
            }
        }
    }

    /**
     * A two-character county name that opens a clause (2024年，房县坚持…; 《房县法治政府建设实施方案》): at the start of a
     * line or after one of the cues' clause starts, and followed by one of their followers (新县城 stays a word).
     */
    private boolean opensClause(String text, int start, int len) {
        boolean lineStart = start == 0 || text.charAt(start - 1) == '\n';
        boolean afterBoundary = lineStart
                || cues.twoCharacterClauseStarts().stream().anyMatch(w -> text.startsWith(w, start - w.length()));
        if (!afterBoundary) {
            return false;
        }
        return cues.twoCharacterFollowers().stream().anyMatch(w -> text.startsWith(w, start + len));
    }

    /** 城区 counts only as 阳泉市城区 (right after a city's name) or 城区人民政府. */
    private boolean qualified(String text, int start, int len, List<Mention> before) {
        if (!before.isEmpty()) {
            Mention last = before.get(before.size() - 1);
            if (last.end() == start && last.regions().stream().noneMatch(r -> r.level().equals("county"))) {
                return true;
            }
        }
        for (String w : governmentWords) {
            if (text.startsWith(w, start + len)) {
                return true;
            }
        }
        return false;
    }
}
