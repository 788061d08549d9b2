package fazhi.generate;

import fazhi.generate.PhraseBank.Composite;
import fazhi.generate.PhraseBank.Group;
import fazhi.generate.PhraseBank.IndicatorSpec;
import fazhi.generate.RenderedReport.Block;
import fazhi.generate.RenderedReport.Kind;
import fazhi.generate.RenderedReport.TruthRow;
import fazhi.reference.Region;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Lays out one county-year report in the styles of the real ones: title variants, web-page chrome, publisher,
 * numbered sections, filler, indicator sentences with varied phrasings and number forms, distractor figures,
 * tables, (略) elisions and pasted-twice bodies. Records exactly what a careful reader would take from it.
 */
final class ReportRenderer {
    static final Charset GB18030 = Charset.forName("GB18030");
    /** Sections past the tenth keep the tenth's ordinal (十是…). */
    private static final int MAX_ORDINAL = 10;

    private final PhraseBank bank;
    private final long seed;
    private final Set<String> related;

    ReportRenderer(PhraseBank bank, long seed, Set<String> related) {
        this.bank = bank;
        this.seed = seed;
        this.related = related;
    }

    /** the county's habits, the same every year: site format, title, chrome, numbering */
    private record Style(String format, boolean gbText, boolean gbHtml, String htmlDeclared, int title,
                         int publisher, int crumb, int timeLine, int footer, int numbering, boolean webCopy,
                         double tableShare) {
    }

    private Style style(Region region) {
        Rng r = Rng.of(seed, "style", region.code());
        Map<String, Double> formats = new LinkedHashMap<>();
        // the mix of what county sites publish: mostly web pages and PDFs, some Word files, few plain texts
        formats.put("txt", 10.0);
        formats.put("html", 38.0);
        formats.put("pdf", 30.0);
        formats.put("docx", 12.0);
        formats.put("doc", 10.0);
        return new Style(r.weighted(formats), r.chance(0.5), r.chance(0.3), r.chance(0.7) ? "gb2312" : "gbk",
                r.nextInt(bank.titles.size()), r.nextInt(bank.publishers.size()), r.nextInt(bank.breadcrumbs.size()),
                r.nextInt(bank.timeLines.size()), r.nextInt(bank.footers.size()), r.nextInt(4), r.chance(0.5),
                r.uniform(0.1, 0.6));
    }

    RenderedReport render(CountyPanel panel, int year) {
        Region region = panel.region();
        Style style = style(region);
        Rng r = Rng.of(seed, "render", region.code(), year);

        String format = style.format();
        if (r.chance(0.1)) {
            format = List.of("txt", "html", "docx", "doc", "pdf").get(r.nextInt(5));
        }
        boolean duplicated = r.chance(0.05);
        Charset charset = StandardCharsets.UTF_8;
        String declared = "utf-8";
        String newline = "\n";
        if (format.equals("txt") && style.gbText()) {
            charset = GB18030;
            declared = "gb18030";
            newline = "\r\n";
        } else if (format.equals("html") && style.gbHtml()) {
            charset = GB18030;
            declared = style.htmlDeclared();
        }

        Map<String, String> ctx = context(panel, year, style, r);
        Function<String, String> fill = t -> fill(t, key -> ctx.containsKey(key) ? ctx.get(key) : random(key, r));

        // which indicators this report states, and where
        List<IndicatorSpec> present = new ArrayList<>();
        for (IndicatorSpec spec : bank.indicators()) {
            if (panel.isPresent(spec.code(), year)) {
                present.add(spec);
            }
        }
        Set<String> table = new LinkedHashSet<>();
        if (!format.equals("txt") && !present.isEmpty() && r.chance(style.tableShare())) {
            List<IndicatorSpec> shuffled = shuffle(present, r);
            int k = Math.min(present.size(), r.between(4, 10));
            Set<String> chosen = new HashSet<>();
            for (int i = 0; i < k; i++) {
                chosen.add(shuffled.get(i).code());
            }
            for (IndicatorSpec spec : present) {
                if (chosen.contains(spec.code())) {
                    table.add(spec.code());
                }
            }
        }
        Map<String, IndicatorSpec> prose = new LinkedHashMap<>();
        for (IndicatorSpec spec : present) {
            if (!table.contains(spec.code()) || r.chance(0.6)) {
                prose.put(spec.code(), spec);
            }
        }

        // how each figure is written
        Map<String, Surface> surfaces = new HashMap<>();
        for (IndicatorSpec spec : present) {
            boolean lossless = table.contains(spec.code()) || related.contains(spec.code())
                    || panel.lossless().contains(spec.code());
            double v = panel.value(spec.code(), year);
            Surface s = spec.rate()
                    ? Surface.rate(v, bank.rateForms, lossless, r)
                    : Surface.count((long) v, r.pick(spec.units()), bank.countForms, lossless, r);
            surfaces.put(spec.code(), s);
        }

        List<TruthRow> truth = new ArrayList<>();
        Set<String> recorded = new HashSet<>();
        Map<String, List<String>> indicatorSentences = new LinkedHashMap<>();
        for (Group g : bank.groups) {
            indicatorSentences.put(g.key(), new ArrayList<>());
        }

        // composites first
        Set<String> used = new HashSet<>();
        for (Composite c : bank.composites) {
            if (!prose.keySet().containsAll(c.needs()) || c.needs().stream().anyMatch(used::contains)
                    || !r.chance(0.7)) {
                continue;
            }
            String sentence = fill(r.pick(c.phrases()), key -> {
                if (key.startsWith("v:")) {
                    return surfaces.get(key.substring(2)).text();
                }
                return ctx.containsKey(key) ? ctx.get(key) : random(key, r);
            });
            if (!c.breakdowns().isEmpty() && r.chance(0.35)) {
                sentence = sentence + fill.apply(splitBreakdown(c, surfaces, r));
            }
            used.addAll(c.needs());
            for (String code : c.needs()) {
                truth.add(row(code, surfaces.get(code), sentence));
                recorded.add(code);
            }
            indicatorSentences.get(c.group()).add(sentence);
        }

        // single phrases, a few clauses per sentence
        for (Group g : bank.groups) {
            List<String> clauses = new ArrayList<>();
            List<String> clauseCodes = new ArrayList<>();
            for (IndicatorSpec spec : prose.values()) {
                if (!spec.group().equals(g.key()) || used.contains(spec.code())) {
                    continue;
                }
                Surface s = surfaces.get(spec.code());
                String clause = fill(r.pick(spec.phrases()), key -> key.equals("v") ? s.text()
                        : ctx.containsKey(key) ? ctx.get(key) : random(key, r));
                boolean alone = false;
                if (r.chance(0.15)) {
                    clause += fill(r.pick(spec.rate() ? bank.rateTails : bank.countTails),
                            key -> key.equals("u") ? s.unit()
                                    : key.equals("d") ? Long.toString(Math.max(1, Math.round(s.value().doubleValue()
                                    * r.uniform(0.02, 0.3))))
                                    : ctx.containsKey(key) ? ctx.get(key) : random(key, r));
                }
                if (!spec.breakdowns().isEmpty() && s.value().signum() > 0 && r.chance(0.3)
                        && s.value().longValue() >= 10) {
                    clause += "，" + partsBreakdown(r.pick(spec.breakdowns()), s.value().longValue(), r);
                    alone = true;
                }
                clauses.add(clause);
                clauseCodes.add(alone ? "!" + spec.code() : spec.code());
            }
            int i = 0;
            while (i < clauses.size()) {
                int take = 1;
                if (!clauseCodes.get(i).startsWith("!")) {
                    int want = r.between(1, 3);
                    while (take < want && i + take < clauses.size() && !clauseCodes.get(i + take).startsWith("!")) {
                        take++;
                    }
                }
                StringBuilder sb = new StringBuilder();
                String joiner = r.chance(0.7) ? "，" : "；";
                for (int j = i; j < i + take; j++) {
                    if (j > i) {
                        sb.append(joiner);
                    }
                    sb.append(clauses.get(j));
                }
                sb.append('。');
                String sentence = sb.toString();
                for (int j = i; j < i + take; j++) {
                    String code = clauseCodes.get(j).replace("!", "");
                    truth.add(row(code, surfaces.get(code), sentence));
                    recorded.add(code);
                }
                indicatorSentences.get(g.key()).add(sentence);
                i += take;
            }
        }
        for (String code : table) {
            if (!recorded.contains(code)) {
                Surface s = surfaces.get(code);
                truth.add(new TruthRow(code, s.value(), s.qualifier(), "table", Surface.plain(s.value()),
                        tableLabel(code) + " | " + Surface.plain(s.value())));
            }
        }

        // filler and size: aim at sizes like the real reports (5-20 KB on disk)
        int targetChars = targetChars(format, charset, r) / (duplicated ? 2 : 1);
        Map<String, List<String>> filler = new LinkedHashMap<>();
        Map<String, List<String>> pools = new LinkedHashMap<>();
        List<String> groupsShown = new ArrayList<>();
        for (Group g : bank.groups) {
            if (indicatorSentences.get(g.key()).isEmpty() && !r.chance(0.85)) {
                continue;
            }
            groupsShown.add(g.key());
            List<String> pool = new ArrayList<>(shuffle(g.filler(), r));
            List<String> chosen = new ArrayList<>();
            int k = r.between(1, 2);
            while (chosen.size() < k && !pool.isEmpty()) {
                chosen.add(fill.apply(pool.remove(pool.size() - 1)));
            }
            filler.put(g.key(), chosen);
            pools.put(g.key(), pool);
        }
        List<String> duty = prefixOrSubset(bank.dutyFiller, r.between(2, 4), r, false).stream().map(fill).toList();
        List<String> problems = prefixOrSubset(bank.problemFiller, r.between(3, 6), r, true).stream().map(fill).toList();
        List<String> plans = prefixOrSubset(bank.planFiller, r.between(3, 5), r, true).stream().map(fill).toList();
        String opening = fill.apply(r.pick(bank.openings));

        int chars = opening.length() + 200 + sum(duty) + sum(problems) + sum(plans) + table.size() * 16;
        for (String key : groupsShown) {
            chars += sum(filler.get(key)) + sum(indicatorSentences.get(key)) + 16;
        }
        Set<String> seen = new HashSet<>();
        int guard = 0;
        while (chars < targetChars && !groupsShown.isEmpty() && guard++ < 400) {
            String key = r.pick(groupsShown);
            List<String> pool = pools.get(key);
            String s;
            if (!pool.isEmpty() && r.chance(0.5)) {
                s = fill.apply(pool.remove(pool.size() - 1));
            } else {
                Group g = bank.groups.stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow();
                s = fill.apply(r.pick(bank.leads) + r.pick(bank.actions).replace("{topic}", r.pick(g.topics()))
                        + r.pick(bank.results));
                if (!seen.add(s)) {
                    continue;
                }
            }
            filler.get(key).add(s);
            chars += s.length();
        }
        if (r.chance(0.15)) {
            elide(filler, r);
        }

        // lay it out
        List<Block> body = new ArrayList<>();
        String title = fill.apply(r.chance(0.8) ? bank.titles.get(style.title()) : r.pick(bank.titles));
        if (format.equals("txt") && r.chance(0.1)) {
            title = title.contains("\n") ? title.replace("\n", "\n" + bank.docxBookmark) : bank.docxBookmark + title;
        }
        body.add(Block.of(Kind.TITLE, title));
        if (r.chance(0.05)) {
            body.add(Block.of(Kind.TITLE, title));
        }
        body.add(Block.of(Kind.PARA, opening));
        body.add(Block.of(Kind.HEADING, fill.apply(r.pick(bank.mainHeadings))));
        int numbering = r.chance(0.85) ? style.numbering() : r.nextInt(4);
        int ordinal = 0;
        for (String key : groupsShown) {
            Group g = bank.groups.stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow();
            List<String> sentences = new ArrayList<>(filler.get(key));
            for (String s : indicatorSentences.get(key)) {
                sentences.add(r.nextInt(sentences.size() + 1), s);
            }
            String heading = r.pick(g.headings());
            String ord = ChineseNumbers.toChinese(Math.min(ordinal++, MAX_ORDINAL - 1) + 1);
            String text = String.join("", sentences);
            switch (numbering) {
                case 0 -> {
                    body.add(Block.of(Kind.HEADING, "（" + ord + "）" + heading));
                    body.add(Block.of(Kind.PARA, text));
                }
                case 1 -> body.add(Block.of(Kind.PARA, "(" + ord + ")" + heading + "。" + text));
                case 2 -> body.add(Block.of(Kind.PARA, ord + "是" + heading + "。" + text));
                default -> {
                    body.add(Block.of(Kind.HEADING, "(" + ord + ")" + heading));
                    int cut = sentences.size() > 3 ? r.between(1, sentences.size() - 1) : sentences.size();
                    body.add(Block.of(Kind.PARA, String.join("", sentences.subList(0, cut))));
                    if (cut < sentences.size()) {
                        body.add(Block.of(Kind.PARA, String.join("", sentences.subList(cut, sentences.size()))));
                    }
                }
            }
        }
        if (!table.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of(bank.tableLabelHeader, bank.tableYearHeader.replace("{year}", Integer.toString(year))));
            for (String code : table) {
                rows.add(List.of(tableLabel(code), Surface.plain(surfaces.get(code).value())));
            }
            body.add(Block.of(Kind.CAPTION, fill.apply(r.pick(bank.tableCaptions))));
            body.add(new Block(Kind.TABLE, "", rows));
        }
        body.add(Block.of(Kind.HEADING, fill.apply(r.pick(bank.dutyHeadings))));
        body.add(Block.of(Kind.PARA, String.join("", duty)));
        body.add(Block.of(Kind.HEADING, fill.apply(r.pick(bank.problemHeadings))));
        body.add(Block.of(Kind.PARA, String.join("", problems)));
        body.add(Block.of(Kind.HEADING, fill.apply(r.pick(bank.planHeadings))));
        body.add(Block.of(Kind.PARA, String.join("", plans)));
        String closing = r.pick(bank.closings);
        if (!closing.isEmpty()) {
            body.add(Block.of(Kind.CLOSING, closing));
        }
        if (r.chance(0.5)) {
            body.add(Block.of(Kind.CLOSING, ctx.get("pub") + "\n" + ctx.get("datezh")));
        }

        List<Block> blocks = new ArrayList<>();
        boolean chrome = format.equals("html") || (format.equals("txt") && style.webCopy());
        if (format.equals("txt") && r.chance(0.03)) {
            blocks.add(Block.of(Kind.CHROME, String.join("\n", bank.adverts)));
        }
        if (chrome) {
            blocks.add(Block.of(Kind.CHROME, fill.apply(bank.breadcrumbs.get(style.crumb()))));
        }
        blocks.add(body.get(0));
        if (chrome) {
            blocks.add(Block.of(Kind.META, fill.apply(bank.timeLines.get(style.timeLine()))));
            if (r.chance(0.7)) {
                blocks.add(Block.of(Kind.META, bank.metaLabels.get("index") + "\n" + ctx.get("index")));
                blocks.add(Block.of(Kind.META, bank.metaLabels.get("publisher") + "\n" + ctx.get("pub")));
                blocks.add(Block.of(Kind.META, bank.metaLabels.get("date") + "\n" + ctx.get("date")));
            }
        } else if ((format.equals("docx") || format.equals("doc")) && r.chance(0.5)) {
            blocks.add(Block.of(Kind.META, ctx.get("pub") + "  " + ctx.get("date")));
        }
        blocks.addAll(body.subList(1, body.size()));
        if (duplicated) {
            blocks.addAll(body);
        }
        if (chrome) {
            blocks.add(Block.of(Kind.FOOTER, fill.apply(bank.footers.get(style.footer()))));
        }
        blocks.add(Block.of(Kind.MARKER, bank.marker));
        return new RenderedReport(format, charset, declared, newline, blocks, truth, duplicated);
    }

    private String tableLabel(String code) {
        IndicatorSpec spec = bank.byCode.get(code);
        return spec.tableLabel() + "（" + (spec.rate() ? "%" : spec.units().get(0)) + "）";
    }

    private static TruthRow row(String code, Surface s, String sentence) {
        return new TruthRow(code, s.value(), s.qualifier(), s.form(), s.text(), sentence);
    }

    /** 其中 breakdown of a composite by issuer: parts a and b of every figure (totals stay consistent) */
    private String splitBreakdown(Composite c, Map<String, Surface> surfaces, Rng r) {
        String total = c.needs().get(0);
        Map<String, String> parts = new HashMap<>();
        long sumA = 0;
        long sumParts = 0;
        for (String code : c.needs().subList(1, c.needs().size())) {
            long v = surfaces.get(code).value().longValue();
            long a = Math.round(v * r.uniform(0.3, 0.7));
            parts.put("a:" + code, a + unit(code));
            parts.put("b:" + code, (v - a) + unit(code));
            sumA += a;
            sumParts += v;
        }
        long t = surfaces.get(total).value().longValue();
        long aTotal = sumA + Math.round((t - sumParts) * r.uniform(0.3, 0.7));
        parts.put("a:" + total, aTotal + unit(total));
        parts.put("b:" + total, (t - aTotal) + unit(total));
        parts.put("s1", c.split().get(0));
        parts.put("s2", c.split().get(1));
        String template = r.pick(c.breakdowns());
        return fill(template, key -> parts.getOrDefault(key, "{" + key + "}"));
    }

    private String unit(String code) {
        return bank.byCode.get(code).units().get(0);
    }

    /** {p1} {p2} {p3}: parts of a figure that add up to no more than it */
    private static String partsBreakdown(String template, long value, Rng r) {
        int k = 0;
        while (template.contains("{p" + (k + 1) + "}")) {
            k++;
        }
        double[] w = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            w[i] = r.uniform(0.2, 1.0);
            sum += w[i];
        }
        double cover = r.uniform(0.85, 1.0);
        Map<String, String> parts = new HashMap<>();
        for (int i = 0; i < k; i++) {
            parts.put("p" + (i + 1), Long.toString((long) Math.floor(value * cover * w[i] / sum)));
        }
        return fill(template, key -> parts.getOrDefault(key, "{" + key + "}"));
    }

    private Map<String, String> context(CountyPanel panel, int year, Style style, Rng r) {
        Region region = panel.region();
        String name = region.name();
        String shortName = name.substring(name.length() - 1);
        Map<String, String> ctx = new HashMap<>();
        ctx.put("name", name);
        ctx.put("gov", name + bank.governmentSuffix);
        ctx.put("short", shortName);
        ctx.put("year", Integer.toString(year));
        ctx.put("next", Integer.toString(year + 1));
        ctx.put("prev", Integer.toString(year - 1));
        String pref = region.prefectureName() != null && !region.prefectureName().equals(name)
                ? region.prefectureName() : region.provinceName();
        ctx.put("pref", pref);
        int month = r.between(1, 4);
        int day = r.between(1, 28);
        ctx.put("date", String.format("%d-%02d-%02d", year + 1, month, day));
        ctx.put("datezh", (year + 1) + "年" + month + "月" + day + "日");
        ctx.put("time", String.format("%02d:%02d", r.between(8, 18), r.nextInt(60)));
        ctx.put("views", Integer.toString(r.between(30, 3000)));
        ctx.put("siteid", region.code() + String.format("%04d", r.nextInt(10_000)));
        ctx.put("index", "11" + region.code() + String.format("%05d", r.nextInt(100_000)) + (year + 1) + "C/"
                + (year + 1) + "-" + String.format("%08d", r.nextInt(100_000_000)));
        Map<String, String> base = new HashMap<>(ctx);
        String pub = fill(bank.publishers.get(style.publisher()), key -> base.getOrDefault(key, "{" + key + "}"));
        ctx.put("pub", pub);
        return ctx;
    }

    private static String random(String key, Rng r) {
        return switch (key) {
            case "k" -> Integer.toString(r.between(1, 9));
            case "n" -> Integer.toString(r.between(2, 60));
            case "m" -> Integer.toString(r.between(100, 900));
            case "pct" -> Surface.plain(BigDecimal.valueOf(Math.round(r.uniform(1.0, 45.0) * 10) / 10.0));
            case "pp" -> Integer.toString(r.between(1, 5));
            case "docno" -> Integer.toString(r.between(1, 150));
            case "month" -> Integer.toString(r.between(1, 12));
            case "day" -> Integer.toString(r.between(1, 28));
            default -> throw new IllegalStateException("phrase bank: unknown placeholder {" + key + "}");
        };
    }

    /** replaces {key} by resolve(key) */
    static String fill(String template, Function<String, String> resolve) {
        StringBuilder sb = new StringBuilder(template.length() + 16);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i) : -1;
            if (close > i) {
                sb.append(resolve.apply(template.substring(i + 1, close)));
                i = close + 1;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    /** The elision mark (略): a few filler sentences lose a piece, as on sites that elide text */
    private void elide(Map<String, List<String>> filler, Rng r) {
        List<String> keys = new ArrayList<>(filler.keySet());
        if (keys.isEmpty()) {
            return;
        }
        int times = r.between(1, 3);
        for (int i = 0; i < times; i++) {
            List<String> sentences = filler.get(r.pick(keys));
            if (sentences.isEmpty()) {
                continue;
            }
            int idx = r.nextInt(sentences.size());
            String s = sentences.get(idx);
            if (s.length() < 20) {
                continue;
            }
            int at = r.between(4, s.length() - 10);
            int drop = r.between(0, 6);
            sentences.set(idx, s.substring(0, at) + " " + bank.elisionMark + " " + s.substring(Math.min(s.length() - 1, at + drop)));
        }
    }

    private static int targetChars(String format, Charset charset, Rng r) {
        double bytes = r.uniform(6200, 17500);
        boolean gb = !charset.equals(StandardCharsets.UTF_8);
        return switch (format) {
            case "docx", "doc", "pdf" -> (int) r.uniform(3800, 13000);
            case "html" -> (int) ((bytes - 900) / (gb ? 1.95 : 2.85));
            default -> (int) (bytes / (gb ? 1.95 : 2.85));
        };
    }

    /** the numbered lists (一是…二是…) keep their order: take a prefix; the others a random subset in order */
    private static List<String> prefixOrSubset(List<String> items, int k, Rng r, boolean prefix) {
        k = Math.min(k, items.size());
        if (prefix) {
            return items.subList(0, k);
        }
        List<String> out = new ArrayList<>(shuffle(items, r).subList(0, k));
        out.sort((a, b) -> Integer.compare(items.indexOf(a), items.indexOf(b)));
        return out;
    }

    private static <T> List<T> shuffle(List<T> items, Rng r) {
        List<T> out = new ArrayList<>(items);
        for (int i = out.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            T tmp = out.get(i);
            out.set(i, out.get(j));
            out.set(j, tmp);
        }
        return out;
    }

    private static int sum(List<String> xs) {
        int n = 0;
        for (String x : xs) {
            n += x.length();
        }
        return n;
    }
}
