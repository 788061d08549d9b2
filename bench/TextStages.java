import fazhi.extract.CleanedText;
import fazhi.extract.IndicatorExtractor;
import fazhi.extract.RawMention;
import fazhi.extract.TextCleaner;
import fazhi.ingest.Identification;
import fazhi.ingest.ManifestReader;
import fazhi.ingest.ReportIdentifier;
import fazhi.ingest.SubmissionReader;
import fazhi.reference.IndicatorCatalog;
import fazhi.reference.RegionTable;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The two text stages of the extraction step (clean, extract) on their own, over texts decoded once: a
 * repeatable harness for bench/text-stages (which runs it with one jar's classes, alternating jars).
 *
 * <pre>
 *   decode REPORTS OUT         read, decode and identify every report once; write (file, region, year, text)
 *   run TEXTS ROUNDS [WARMUP]  clean and extract every text ROUNDS times on this thread; print the thread CPU
 *                              seconds of each stage per round and a digest of everything both stages return
 * </pre>
 */
public final class TextStages {

    record Decoded(String file, String region, Integer year, String text) {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "decode" -> decode(Path.of(args[1]), Path.of(args[2]));
            case "run" -> run(Path.of(args[1]), Integer.parseInt(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 1);
            default -> throw new IllegalArgumentException("decode REPORTS OUT | run TEXTS ROUNDS [WARMUP]");
        }
    }

    static void decode(Path reports, Path out) throws Exception {
        SubmissionReader reader = new SubmissionReader();
        ReportIdentifier identifier = new ReportIdentifier(RegionTable.bundled());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(reports)) {
            // the manifest is read by discovery, not as a report (cleaned as one, its thousands of rows would weigh)
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !(p.getParent().equals(reports) && p.getFileName().toString().equals(ManifestReader.FILE_NAME)))
                    .sorted().toList();
        }
        int written = 0;
        try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(out)))) {
            for (Path f : files) {
                String text;
                try {
                    text = reader.read(f).text();
                } catch (Exception | Error e) {
                    continue; // not a report this reader takes (a manifest, a README)
                }
                if (text == null || text.isEmpty()) {
                    continue;
                }
                Identification id = identifier.identify(text, f.getFileName().toString());
                writeString(o, reports.relativize(f).toString());
                writeString(o, id.regionCode() == null ? "" : id.regionCode());
                o.writeInt(id.year() == null ? -1 : id.year());
                writeString(o, text);
                written++;
            }
        }
        System.out.println("decoded " + written + " of " + files.size() + " files into " + out);
    }

    static void run(Path texts, int rounds, int warmup) throws Exception {
        List<Decoded> docs = read(texts);
        TextCleaner cleaner = new TextCleaner();
        IndicatorExtractor extractor = new IndicatorExtractor(IndicatorCatalog.bundled());
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        List<String> digests = new ArrayList<>();
        for (int round = 0; round < warmup + rounds; round++) {
            MessageDigest cleanDigest = MessageDigest.getInstance("SHA-256");
            MessageDigest extractDigest = MessageDigest.getInstance("SHA-256");
            List<CleanedText> cleaned = new ArrayList<>(docs.size());
            long t0 = mx.getCurrentThreadCpuTime();
            for (Decoded d : docs) {
                cleaned.add(cleaner.cleanWithOffsets(d.text()));
            }
            long t1 = mx.getCurrentThreadCpuTime();
            List<List<RawMention>> found = new ArrayList<>(docs.size());
            for (int i = 0; i < docs.size(); i++) {
                Decoded d = docs.get(i);
                found.add(extractor.extract(cleaned.get(i).text(), d.year(), extractor.reportLevelOf(d.region())));
            }
            long t2 = mx.getCurrentThreadCpuTime();
            int mentions = 0;
            for (int i = 0; i < docs.size(); i++) {
                CleanedText c = cleaned.get(i);
                cleanDigest.update(c.text().getBytes(StandardCharsets.UTF_8));
                cleanDigest.update(Arrays.toString(c.origin()).getBytes(StandardCharsets.US_ASCII));
                for (RawMention m : found.get(i)) {
                    extractDigest.update((m.toString() + "@" + c.decodedOffset(m.charOffset()) + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                    mentions++;
                }
                extractDigest.update((byte) 0);
            }
            String digest = HexFormat.of().formatHex(cleanDigest.digest()).substring(0, 16) + " "
                    + HexFormat.of().formatHex(extractDigest.digest()).substring(0, 16);
            digests.add(digest);
            System.out.printf("round %d%s clean %.3f extract %.3f texts %d mentions %d digest %s%n", round,
                    round < warmup ? " (warm-up)" : "", (t1 - t0) / 1e9, (t2 - t1) / 1e9, docs.size(), mentions, digest);
        }
        if (digests.stream().distinct().count() != 1) {
            throw new IllegalStateException("the rounds disagree: " + digests);
        }
    }

    static List<Decoded> read(Path texts) throws Exception {
        List<Decoded> out = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(texts)))) {
            while (true) {
                String file;
                try {
                    file = readString(in);
                } catch (EOFException end) {
                    return out;
                }
                String region = readString(in);
                int year = in.readInt();
                out.add(new Decoded(file, region.isEmpty() ? null : region, year < 0 ? null : year, readString(in)));
            }
        }
    }

    static void writeString(DataOutputStream o, String s) throws Exception {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        o.writeInt(b.length);
        o.write(b);
    }

    static String readString(DataInputStream in) throws Exception {
        int n = in.readInt();
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new EOFException();
        }
        return new String(b, StandardCharsets.UTF_8);
    }
}
