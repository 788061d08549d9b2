package fazhi.generate;

import fazhi.ingest.ManifestReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The input of the out-of-the-box demo: the bundled real reports plus the small synthetic {@link DemoPanel}
 * (so that trends and provincial rankings have something to show), in one folder with one manifest. The
 * real reports keep their names at the top; the synthetic ones sit in province folders and are marked
 * {@code synthetic=true}. The panel has a fixed seed, so a second demo run finds every file unchanged.
 */
public final class DemoInput {
    private static final String SAMPLE_HEADER = "file,region_code,year,expected_status";

    private DemoInput() {
    }

    /** The demo folder of a warehouse: the panel's reports (the job's input) and its ground truth. */
    public static Path folderOf(Path warehouse) {
        return warehouse.resolve("_demo");
    }

    /** The job's input folder inside a demo folder, where {@link #assemble} puts the reports and the manifest. */
    public static Path reportsDirOf(Path demoDir) {
        return demoDir.resolve("reports");
    }

    /** Builds the demo in {@code demoDir} and returns the input folder for the job. */
    public static CorpusGenerator.Summary assemble(Path sampleData, Path demoDir) throws IOException {
        CorpusGenerator.Summary panel = DemoPanel.generate(demoDir);
        Path reports = panel.reportsDir();
        List<String> manifest = new ArrayList<>();
        manifest.add(SAMPLE_HEADER + ",synthetic");
        Path sampleManifest = sampleData.resolve(ManifestReader.FILE_NAME);
        if (Files.exists(sampleManifest)) {
            List<String> rows = Files.readAllLines(sampleManifest, StandardCharsets.UTF_8);
            if (!rows.isEmpty() && !rows.get(0).strip().equals(SAMPLE_HEADER)) {
                throw new IOException(sampleManifest + ": the demo expects the header " + SAMPLE_HEADER);
            }
            rows.stream().skip(1).filter(r -> !r.isBlank()).forEach(r -> manifest.add(r + ",false"));
        }
        try (Stream<Path> files = Files.list(sampleData)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                if (!f.getFileName().toString().equals(ManifestReader.FILE_NAME)) {
                    Files.copy(f, reports.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        // the panel's manifest columns are file,region_code,year,synthetic
        List<String> panelRows = Files.readAllLines(panel.manifest(), StandardCharsets.UTF_8);
        panelRows.stream().skip(1).filter(r -> !r.isBlank()).forEach(r -> {
            String[] f = r.split(",", -1);
            manifest.add(f[0] + "," + f[1] + "," + f[2] + ",," + f[3]);
        });
        Files.write(panel.manifest(), manifest, StandardCharsets.UTF_8);
        return panel;
    }
}
