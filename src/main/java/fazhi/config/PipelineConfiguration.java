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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;


/** The stages as plain objects, built once from the knowledge in schema/ (the jar's, or --catalog's copies). */
@Configuration
public class PipelineConfiguration {

    @Bean
    public RegionTable regionTable() {
        return RegionTable.bundled();
    }

    /**
     * The catalog in use: the jar's, or the edited copy in the folder of {@code --catalog} (KnowledgeFiles), so a
     * statistician trying phrasings runs with a changed catalog without rebuilding (then `--reprocess`).
     */
    @Bean
    public IndicatorCatalog indicatorCatalog() {
        return IndicatorCatalog.bundled();
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
