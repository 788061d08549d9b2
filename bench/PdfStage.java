import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
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
 * The PDF stage (decode-pdf: {@code PdfTextExtractor.extract}) on its own, for bench/pdf-stage: one or two unpacked
 * jars loaded side by side in one JVM, each PDF read by every jar in turn (the order alternating file by file), the
 * thread CPU summed per jar and round. Prints each round, the medians after the warm-up, and per jar the bytes its
 * thread allocated in the last round (what its garbage collection will cost, outside the thread's CPU) and a digest
 * of every text (or error message) it read; with two jars, the PDFs whose text differs.
 *
 * <pre>
 *   java bench/PdfStage.java PDF_FOLDER ROUNDS WARMUP EVERY CLASSPATH [CLASSPATH]
 * </pre>
 * EVERY: read every n-th PDF of the folder (sorted), 1 for all. A single classpath with ROUNDS large is the
 * harness to profile under JFR.
 */
public final class PdfStage {

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        int every = Integer.parseInt(args[3]);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        }
        List<byte[]> pdfs = new ArrayList<>();
        for (int i = 0; i < files.size(); i += every) {
            pdfs.add(Files.readAllBytes(files.get(i)));
        }
        int jars = args.length - 4;
        Method[] extract = new Method[jars];
        for (int j = 0; j < jars; j++) {
            List<URL> urls = new ArrayList<>();
            for (String part : args[4 + j].split(":")) {
                if (part.endsWith("/*")) {
                    try (Stream<Path> libs = Files.list(Path.of(part.substring(0, part.length() - 2)))) {
                        for (Path lib : libs.sorted().toList()) {
                            urls.add(lib.toUri().toURL());
                        }
                    }
                } else {
                    urls.add(Path.of(part).toUri().toURL());
                }
            }
            ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            Class<?> c = Class.forName("fazhi.ingest.PdfTextExtractor", true, loader);
            extract[j] = c.getDeclaredMethod("extract", byte[].class);
            extract[j].setAccessible(true);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.ThreadMXBean allocation = (com.sun.management.ThreadMXBean) threads;
        long[] allocated = new long[jars];
        double[][] seconds = new double[jars][rounds];
        String[][] texts = new String[jars][pdfs.size()];
        for (int round = 0; round < rounds; round++) {
            long[] nanos = new long[jars];
            for (int f = 0; f < pdfs.size(); f++) {
                for (int k = 0; k < jars; k++) {
                    int j = (f + round) % 2 == 0 ? k : jars - 1 - k;
                    long start = threads.getCurrentThreadCpuTime();
                    long bytesBefore = allocation.getCurrentThreadAllocatedBytes();
                    String text;
                    try {
                        text = (String) extract[j].invoke(null, (Object) pdfs.get(f));
                    } catch (InvocationTargetException e) {
                        text = "ERROR " + e.getCause().getMessage();
                    }
                    nanos[j] += threads.getCurrentThreadCpuTime() - start;
                    if (round == rounds - 1) {
                        allocated[j] += allocation.getCurrentThreadAllocatedBytes() - bytesBefore;
                    }
                    if (round == 0) {
                        texts[j][f] = text;
                    } else if (!text.equals(texts[j][f])) {
                        throw new IllegalStateException("jar " + j + " read PDF " + f + " differently in round " + round);
                    }
                }
            }
            StringBuilder line = new StringBuilder("round " + round + (round < warmup ? " (warm-up)" : ""));
            for (int j = 0; j < jars; j++) {
                seconds[j][round] = nanos[j] / 1e9;
                line.append(String.format(" jar%d %.3f", j, seconds[j][round]));
            }
            if (jars == 2) {
                line.append(String.format(" ratio %.3f", seconds[1][round] / seconds[0][round]));
            }
            System.out.println(line);
        }
        for (int j = 0; j < jars; j++) {
            double[] timed = Arrays.copyOfRange(seconds[j], Math.min(warmup, rounds - 1), rounds);
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String t : texts[j]) {
                md.update(t.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            System.out.printf("jar%d: %d PDFs, median %.3f s per round, %.0f MB allocated in the last round, digest %s%n",
                    j, pdfs.size(), median(timed), allocated[j] / 1e6, HexFormat.of().formatHex(md.digest(), 0, 8));
        }
        if (jars == 2) {
            double[] ratios = new double[rounds - Math.min(warmup, rounds - 1)];
            for (int r = 0; r < ratios.length; r++) {
                int round = r + Math.min(warmup, rounds - 1);
                ratios[r] = seconds[1][round] / seconds[0][round];
            }
            Arrays.sort(ratios);
            System.out.printf("jar1/jar0: median %.3f (min %.3f, max %.3f)%n", median(ratios), ratios[0],
                    ratios[ratios.length - 1]);
            int differ = 0;
            for (int f = 0; f < pdfs.size(); f++) {
                if (!texts[0][f].equals(texts[1][f])) {
                    differ++;
                    if (differ <= 10) {
                        System.out.println("differs: " + files.get(f * every));
                    }
                }
            }
            System.out.println(differ == 0 ? "same text on every PDF" : differ + " PDFs read differently");
            if (differ > 0) {
                System.exit(1);
            }
        }
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
