package fazhi.config;

import fazhi.extract.IndicatorCatalog;
import fazhi.extract.IndicatorExtractor;
import fazhi.extract.TextCleaner;
import fazhi.ingest.RegionTable;
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

/** The stages as plain objects, built once from the knowledge in schema/ (bundled in the jar). */
@Configuration
public class PipelineConfiguration {

    @Bean
    public RegionTable regionTable() {
        return RegionTable.bundled();
    }

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
