package fazhi.config;

import fazhi.reference.IndicatorCatalog;
import fazhi.extract.IndicatorExtractor;
import fazhi.extract.TextCleaner;
import fazhi.reference.RegionTable;
import fazhi.ingest.ReportIdentifier;
import fazhi.ingest.SubmissionReader;
import fazhi.normalize.CanonicalSelector;
import fazhi.normalize.MentionNormalizer;
import fazhi.normalize.StructuredFigures;
import fazhi.rank.RankingFramework;
import fazhi.validate.RuleEngine;
import fazhi.validate.ValidationRuleSet;
import fazhi.warehouse.DimensionTables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The stages as plain objects, built once from the knowledge in schema/ (bundled in the jar). */
@Configuration
public class PipelineConfiguration {

    @Bean
    public RegionTable regionTable() {
        return RegionTable.bundled();
    }

    /**
     * The catalog shipped in the jar, or the YAML file of the property {@code fazhi.catalog} (env FAZHI_CATALOG):
     * a statistician trying phrasings runs with a changed catalog without rebuilding (then `--reprocess`).
     */
    @Bean
    public IndicatorCatalog indicatorCatalog(@Value("${fazhi.catalog:}") String catalogFile) {
        if (catalogFile.isBlank()) {
            return IndicatorCatalog.bundled();
        }
        try (InputStream in = Files.newInputStream(Path.of(catalogFile))) {
            return IndicatorCatalog.fromYaml(in);
        } catch (IOException e) {
            throw new IllegalStateException("fazhi.catalog " + catalogFile + " cannot be read: " + e.getMessage(), e);
        }
    }

    @Bean
    public SubmissionReader submissionReader() {
        return new SubmissionReader();
    }

    @Bean
    public ReportIdentifier reportIdentifier(RegionTable regions) {
        return new ReportIdentifier(regions);
    }

    @Bean
    public TextCleaner textCleaner() {
        return new TextCleaner();
    }

    @Bean
    public IndicatorExtractor indicatorExtractor(IndicatorCatalog catalog) {
        return new IndicatorExtractor(catalog);
    }

    @Bean
    public MentionNormalizer mentionNormalizer(IndicatorCatalog catalog) {
        return new MentionNormalizer(catalog);
    }

    @Bean
    public StructuredFigures structuredFigures(IndicatorCatalog catalog) {
        return new StructuredFigures(catalog);
    }

    @Bean
    public CanonicalSelector canonicalSelector() {
        return new CanonicalSelector();
    }

    @Bean
    public RuleEngine ruleEngine() {
        return new RuleEngine(ValidationRuleSet.bundled());
    }

    @Bean
    public RankingFramework rankingFramework() {
        return RankingFramework.bundledDefault();
    }

    @Bean
    public DimensionTables dimensionTables(RegionTable regions, IndicatorCatalog catalog) {
        return new DimensionTables(regions, catalog);
    }
}
