package fazhi.config.nightly;

import fazhi.ingest.SubmissionStatus;
import fazhi.reference.IndicatorCatalog;
import fazhi.extract.IndicatorExtractor;
import fazhi.extract.TextCleaner;
import fazhi.generate.CorpusGenerator;
import fazhi.ingest.DiscoveredSubmission;
import fazhi.ingest.MalformedManifestException;
import fazhi.ingest.Manifest;
import fazhi.ingest.ManifestReader;
import fazhi.ingest.PdfFixtures;
import fazhi.reference.RegionTable;
import fazhi.ingest.ReportIdentifier;
import fazhi.ingest.SubmissionDiscovery;
import fazhi.ingest.SubmissionReader;
import fazhi.normalize.CanonicalSelector;
import fazhi.normalize.MentionNormalizer;
import fazhi.normalize.StructuredFigures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import fazhi.config.Watchdog;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.util.unit.DataSize;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile bytes at every reader: truncated, mutated and random files of every format (txt, html, docx, pdf,
 * csv and json tables of figures) and mutated manifests go through the extraction step's chain of stages,
 * exactly as the job runs it. Each case must end in exactly one status with a one-line reason: no exception
 * escapes (it would fail the whole night), no reason is a stack trace, no case runs past its bound.
 * Fixed seeds: a failure names the case, and the case is the same on every run.
 */
class HostileInputFuzzTests {
    /** mutated (or random) variants of each seed file; -Dfuzz.cases=N explores further */
    static final int CASES_PER_SEED = Integer.getInteger("fuzz.cases", 60);
    static final int MANIFEST_CASES = Integer.getInteger("fuzz.cases", 60);
    /**
     * A bound against hangs, not a speed requirement: the cases are at most a few hundred KB, which the
     * chain handles in well under a second; a case still running after this is stuck.
     */
    static final long CASE_BOUND_SECONDS = 60;
    static final Set<String> STATUSES = java.util.Arrays.stream(SubmissionStatus.values()).map(SubmissionStatus::code)
            .collect(java.util.stream.Collectors.toSet());
    /** what a leaked exception looks like inside a reason */
    static final Pattern LEAKED = Pattern.compile("\\tat |\\b(java|javax|org|com)\\.[a-z]+\\.|[A-Za-z]+(Exception|Error)\\b");

    @TempDir
    static Path tmp;

    static ItemProcessor<ReportInProgress, ReportInProgress> chain;
    static ManifestReader manifests;
    static ExecutorService worker;
    static Map<String, byte[]> seeds;

    @BeforeAll
    static void buildTheChainAndTheSeeds() throws Exception {
        RegionTable regions = RegionTable.bundled();
        IndicatorCatalog catalog = IndicatorCatalog.bundled();
        // the same chain of stages the extraction step runs (ExtractionStepsConfiguration#reportProcessor)
        var config = new ExtractionStepsConfiguration();
        chain = config.reportProcessor(tmp.resolve("warehouse").toString(), "fuzz", new SubmissionReader(),
                new ReportIdentifier(regions), regions, new TextCleaner(), new IndicatorExtractor(catalog),
                new MentionNormalizer(catalog), new StructuredFigures(catalog), new CanonicalSelector(),
                config.fileLimits(DataSize.ofMegabytes(16), DataSize.ofGigabytes(1), Duration.ofSeconds(60),
                        Duration.ofMinutes(30)), new Watchdog(), config.stageClock());
        manifests = new ManifestReader(regions);
        worker = newWorker();
        seeds = seeds(tmp.resolve("seeds-made"));
    }

    @AfterAll
    static void stopTheWorker() {
        worker.shutdownNow();
    }

    /** name → bytes, one or more of every format the job reads */
    static Map<String, byte[]> seeds(Path scratch) throws Exception {
        Map<String, byte[]> s = new TreeMap<>();
        s.put("report-utf8.txt", Files.readAllBytes(Path.of("sample-data/001_698cc89598c5c7a3.txt")));
        s.put("report-gb18030.txt", Files.readAllBytes(Path.of("src/test/resources/ingest/gb18030-report.txt")));
        s.put("page.html", Files.readAllBytes(Path.of("src/test/resources/ingest/utf8-report.html")));
        Path corpus = CorpusGenerator.bundled().generate(CorpusGenerator.Options.of(scratch.resolve("corpus"), 12,
                2021, 2023, 7)).reportsDir();
        try (Stream<Path> files = Files.walk(corpus)) {
            // one report of every format the generator writes (docx and html; more as it learns them)
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = f.getFileName().toString();
                if (!name.equals(ManifestReader.FILE_NAME) && SubmissionReader.formatOf(f) != null) {
                    s.putIfAbsent("generated." + name.replaceAll(".*\\.", ""), Files.readAllBytes(f));
                }
            }
        }
        Path pdf = scratch.resolve("report.pdf");
        PdfFixtures.writeTextPdf(pdf, List.of("冠县人民政府关于2023年法治政府建设情况的报告",
                "全年共收到行政复议申请181件，行政机关负责人出庭应诉率100%。", "冠县人民政府 2024年3月1日"));
        s.put("report.pdf", Files.readAllBytes(pdf));
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/fuzz/seeds"))) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                s.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        }
        return s;
    }

    @Test
    void theSeedsCoverEveryFormatTheJobReads() {
        Set<String> formats = new java.util.TreeSet<>();
        seeds.keySet().forEach(name -> formats.add(SubmissionReader.formatOf(Path.of(name))));
        assertThat(formats).contains("txt", "html", "docx", "pdf", "csv", "json");
        // unmutated, the seeds are usable: the mutations start from files the job publishes
        for (var seed : seeds.entrySet()) {
            Outcome o = runCase("seed " + seed.getKey(), seed.getKey(), seed.getValue());
            assertThat(o.status()).as("%s: %s", seed.getKey(), o.reason()).isEqualTo(SubmissionStatus.PUBLISHED.code());
        }
    }

    @Test
    void everyTruncatedMutatedOrRandomFileEndsInOneStatusWithAOneLineReason() {
        Map<String, Integer> byStatus = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        int cases = 0;
        for (var seed : seeds.entrySet()) {
            String name = seed.getKey();
            String ext = name.substring(name.lastIndexOf('.'));
            Random random = new Random(name.hashCode());
            for (int i = 0; i < CASES_PER_SEED; i++) {
                Mutation m = Mutation.values()[i % Mutation.values().length];
                byte[] bytes = m.apply(seed.getValue(), random, seeds);
                String label = name + " " + m + " #" + i;
                cases++;
                check(label, runCase(label, "case-" + i + ext, bytes), byStatus, problems);
            }
        }
        assertThat(problems).as("cases that did not end in one status with a reason").isEmpty();
        assertThat(cases).isEqualTo(seeds.size() * CASES_PER_SEED);
        // the mutations reach past the first reader: some cases are still published, some are held back
        assertThat(byStatus.keySet()).contains(SubmissionStatus.PUBLISHED.code(), SubmissionStatus.QUARANTINED.code());
        System.out.println("fuzz: " + cases + " cases from " + seeds.size() + " seeds: " + byStatus);
    }

    @Test
    void everyMutatedManifestLeavesEveryFileInOneStatusWithAReason() throws Exception {
        byte[] seed = Files.readAllBytes(Path.of("sample-data/manifest.csv"));
        Random random = new Random(20261130);
        Map<String, Integer> byStatus = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        int ignored = 0;
        for (int i = 0; i < MANIFEST_CASES; i++) {
            Mutation m = Mutation.values()[i % Mutation.values().length];
            byte[] bytes = m.apply(seed, random, Map.of("manifest.csv", seed));
            Path input = Files.createDirectories(tmp.resolve("manifest-" + i));
            try (Stream<Path> reports = Files.list(Path.of("sample-data"))) {
                for (Path r : reports.filter(p -> p.toString().endsWith(".txt")).toList()) {
                    Files.copy(r, input.resolve(r.getFileName()));
                }
            }
            Files.write(input.resolve(ManifestReader.FILE_NAME), bytes);
            String label = "manifest " + m + " #" + i;
            Manifest manifest;
            String note = null;
            try {
                manifest = manifests.readFolder(input);
            } catch (MalformedManifestException e) {
                // the job then ignores the manifest and says so in every file's reason
                assertThat(e.getMessage()).as(label).doesNotContain("\n");
                note = "manifest.csv ignored: " + e.getMessage();
                manifest = Manifest.empty();
                ignored++;
            }
            List<DiscoveredSubmission> discovered = new ArrayList<>();
            new SubmissionDiscovery(manifest, note).discover(input, SubmissionDiscovery.Published.none(), discovered::add);
            for (DiscoveredSubmission d : discovered) {
                check(label + " " + d.sourceFile(), bounded(label, () -> process(d)), byStatus, problems);
            }
        }
        assertThat(problems).as("files that did not end in one status with a reason").isEmpty();
        assertThat(ignored).as("manifests that could not be parsed at all").isPositive().isLessThan(MANIFEST_CASES);
        System.out.println("fuzz: " + MANIFEST_CASES + " manifests (" + ignored + " ignored as unparseable): " + byStatus);
    }

    @Test
    void aNightOfHostileFilesAmongGoodReportsPublishesTheGoodOnesAndListsEveryFile() throws Exception {
        // the whole job, so the staging writer, DuckDB and the Parquet files meet the hostile text too
        Path input = fazhi.config.TestWarehouses.copyOfSampleData(tmp.resolve("night/in"));
        Random random = new Random(7);
        int hostile = 0;
        for (var seed : seeds.entrySet()) {
            String ext = seed.getKey().substring(seed.getKey().lastIndexOf('.'));
            for (Mutation m : Mutation.values()) {
                Files.write(input.resolve("hostile-" + hostile++ + ext), m.apply(seed.getValue(), random, seeds));
            }
        }
        Path warehouse = tmp.resolve("night/wh");

        var outcome = fazhi.config.TestWarehouses.run("ingest", input, warehouse);

        assertThat(outcome.completed()).as(outcome.exitDescription()).isTrue();
        var rows = fazhi.config.TestWarehouses.query(warehouse, "SELECT source_file, status, reason FROM submissions");
        assertThat(rows).hasSize(hostile + 5);
        assertThat(rows).allSatisfy(r -> {
            assertThat(STATUSES).contains(r.get(1));
            assertThat(r.get(2)).isNotBlank().doesNotContain("\n");
        });
        // the four real reports are published, or superseded by a damaged copy that still named their county and year
        assertThat(fazhi.config.TestWarehouses.count(warehouse, "SELECT count(*) FROM submissions WHERE source_file "
                + "NOT LIKE 'hostile-%' AND (status = 'published' OR reason LIKE 'superseded by hostile-%')"))
                .isEqualTo(4);
    }

    // ------------------------------------------------------------------------------------------------------

    record Outcome(String status, String reason, String thrown) {
    }

    private static void check(String label, Outcome o, Map<String, Integer> byStatus, List<String> problems) {
        if (o.thrown() != null) {
            problems.add(label + ": " + o.thrown());
            return;
        }
        byStatus.merge(o.status(), 1, Integer::sum);
        if (!STATUSES.contains(o.status()) || o.reason() == null || o.reason().isBlank()) {
            problems.add(label + ": status " + o.status() + ", reason " + o.reason());
        } else if (o.reason().contains("\n") || LEAKED.matcher(o.reason()).find()) {
            problems.add(label + ": reason looks like a stack trace: " + o.reason());
        }
    }

    /** One file through discovery (hash, size) and the chain of stages, within the bound. */
    private static Outcome runCase(String label, String fileName, byte[] bytes) {
        try {
            Path input = Files.createDirectories(tmp.resolve("case-" + Math.abs((long) label.hashCode())));
            try (Stream<Path> old = Files.list(input)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
            Files.write(input.resolve(fileName), bytes);
            List<DiscoveredSubmission> discovered = new ArrayList<>();
            new SubmissionDiscovery(Manifest.empty(), null).discover(input, SubmissionDiscovery.Published.none(),
                    discovered::add);
            assertThat(discovered).hasSize(1);
            return bounded(label, () -> process(discovered.get(0)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Outcome process(DiscoveredSubmission d) throws Exception {
        ReportInProgress r = chain.process(ReportInProgress.start(d));
        return new Outcome(r.status() == null ? null : r.status().code(), r.reason(), null);
    }

    private static Outcome bounded(String label, java.util.concurrent.Callable<Outcome> work) {
        Future<Outcome> f = worker.submit(work);
        try {
            return f.get(CASE_BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            worker.shutdownNow();
            worker = newWorker(); // the stuck thread is abandoned (a daemon), the next case gets a fresh one
            return new Outcome(null, null, "still running after " + CASE_BOUND_SECONDS + " s");
        } catch (java.util.concurrent.ExecutionException e) {
            java.io.StringWriter trace = new java.io.StringWriter();
            e.getCause().printStackTrace(new java.io.PrintWriter(trace));
            return new Outcome(null, null, "threw " + trace.toString().lines().limit(8).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-case");
            t.setDaemon(true);
            return t;
        });
    }

    /** The ways a file arrives damaged, each driven by the case's own random generator. */
    enum Mutation {
        TRUNCATE {
            byte[] mutate(byte[] b, Random r, Map<String, byte[]> all) {
                return java.util.Arrays.copyOf(b, b.length == 0 ? 0 : r.nextInt(b.length));
            }
        },
        FLIP_BYTES {
            byte[] mutate(byte[] b, Random r, Map<String, byte[]> all) {
                byte[] c = b.clone();
                for (int i = 0, n = 1 + r.nextInt(16); i < n && c.length > 0; i++) {
                    c[r.nextInt(c.length)] ^= (byte) (1 + r.nextInt(255));
                }
                return c;
            }
        },
        OVERWRITE_RANGE {
            byte[] mutate(byte[] b, Random r, Map<String, byte[]> all) {
                byte[] c = b.clone();
                if (c.length > 0) {
                    int at = r.nextInt(c.length);
                    byte[] noise = new byte[Math.min(c.length - at, 1 + r.nextInt(512))];
                    r.nextBytes(noise);
                    System.arraycopy(noise, 0, c, at, noise.length);
                }
                return c;
            }
        },
        INSERT_RANDOM {
            byte[] mutate(byte[] b, Random r, Map<String, byte[]> all) {
                byte[] noise = new byte[1 + r.nextInt(2048)];
                r.nextBytes(noise);
                return splice(b, r.nextInt(b.length + 1), 0, noise);
            }
        },
        DELETE_RANGE {
            byte[] mutate(byte[] b, Random r, Map<String, byte[]> all) {
                int at = r.nextInt(b.length + 1);
                return splice(b, at, Math.min(b.length - at, r.nextInt(4096)), new byte[0]);
            }
        },
        REPEAT_RANGE {
            byte[] mutate(byte[] b, Random r, Map<String, byte[]> all) {
                int at = r.nextInt(b.length + 1);
                int len = Math.min(b.length - at, 1 + r.nextInt(256));
                ByteArrayOutputStream rep = new ByteArrayOutputStream();
                for (int i = 0, n = 2 + r.nextInt(400); i < n; i++) {
                    rep.write(b, at, len);
                }
                return splice(b, at, 0, rep.toByteArray());
            }
        },
        SPLICE_SEEDS {
            byte[] mutate(byte[] b, Random r, Map<String, byte[]> all) {
                List<byte[]> others = new ArrayList<>(all.values());
                byte[] o = others.get(r.nextInt(others.size()));
                int cut = r.nextInt(b.length + 1);
                int from = r.nextInt(o.length + 1);
                return splice(java.util.Arrays.copyOf(b, cut), cut, 0, java.util.Arrays.copyOfRange(o, from, o.length));
            }
        },
        INSIDE_THE_ZIP {
            /** a .docx stays a valid zip; its XML parts are damaged (elsewhere, the bytes are flipped) */
            byte[] mutate(byte[] b, Random r, Map<String, byte[]> all) {
                Map<String, byte[]> entries = new LinkedHashMap<>();
                try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(b))) {
                    for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                        entries.put(e.getName(), in.readAllBytes());
                    }
                } catch (IOException e) {
                    entries.clear();
                }
                if (entries.isEmpty()) {
                    return FLIP_BYTES.mutate(b, r, all);
                }
                List<String> names = new ArrayList<>(entries.keySet());
                String victim = names.stream().filter(n -> n.equals("word/document.xml")).findFirst()
                        .orElse(names.get(r.nextInt(names.size())));
                Mutation inner = List.of(TRUNCATE, FLIP_BYTES, OVERWRITE_RANGE, REPEAT_RANGE, DELETE_RANGE)
                        .get(r.nextInt(5));
                entries.put(victim, inner.mutate(entries.get(victim), r, all));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (ZipOutputStream zip = new ZipOutputStream(out)) {
                    for (var e : entries.entrySet()) {
                        zip.putNextEntry(new ZipEntry(e.getKey()));
                        zip.write(e.getValue());
                        zip.closeEntry();
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return out.toByteArray();
            }
        },
        RANDOM_BYTES {
            byte[] mutate(byte[] b, Random r, Map<String, byte[]> all) {
                byte[] c = new byte[r.nextInt(65536)];
                r.nextBytes(c);
                return c;
            }
        };

        abstract byte[] mutate(byte[] b, Random r, Map<String, byte[]> all);

        byte[] apply(byte[] b, Random r, Map<String, byte[]> all) {
            return mutate(b, r, all);
        }

        static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
            byte[] c = new byte[b.length - remove + insert.length];
            System.arraycopy(b, 0, c, 0, at);
            System.arraycopy(insert, 0, c, at, insert.length);
            System.arraycopy(b, at + remove, c, at + insert.length, b.length - at - remove);
            return c;
        }
    }
}
