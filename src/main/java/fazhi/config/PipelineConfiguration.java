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
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;


/**
 * The stages as plain objects, built once from the knowledge in schema/ (the jar's, or --catalog's copies). They are
 * built when first needed, not at context start: an ingest that finds nothing new keeps the published version and
 * needs few of them (the population table, the rules and the extraction's lexicon are most of a second of CPU).
 * Everything a version is made from is still read before it is composed ({@link #buildAll}), so that its
 * knowledge_files and fingerprint list the same files as when all of them were built at start.
 */
@Configuration(proxyBeanMethods = false)
@Lazy
public class PipelineConfiguration {

    /**
     * Builds every stage above whose building was put off, as a context without lazy beans would have at start: what
     * the knowledge files read by the process (KnowledgeFiles.used()) then are. Only these: the jobs and steps, lazy
     * too, are built by the run that asks for its job.
     */
    public static void buildAll(ConfigurableListableBeanFactory beans) {
        for (String name : beans.getBeanDefinitionNames()) {
            BeanDefinition definition = beans.getBeanDefinition(name);
            if (definition.isLazyInit() && definition.isSingleton() && !definition.isAbstract() && isStage(definition)) {
                beans.getBean(name);
            }
        }
    }

    private static boolean isStage(BeanDefinition definition) {
        return definition instanceof AnnotatedBeanDefinition annotated && annotated.getFactoryMethodMetadata() != null
                && PipelineConfiguration.class.getName().equals(
                        annotated.getFactoryMethodMetadata().getDeclaringClassName());
    }

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
