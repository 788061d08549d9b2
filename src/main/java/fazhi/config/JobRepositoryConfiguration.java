package fazhi.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.configuration.support.JdbcDefaultBatchConfiguration;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.support.DatabaseType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.PropertySourcesPlaceholderConfigurer;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.DatabasePopulatorUtils;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.jdbc.support.MetaDataAccessException;

import javax.sql.DataSource;
import java.util.Locale;

/**
 * The job repository of a run, as Spring Boot's auto-configurations of a data source, its transaction manager and
 * Spring Batch made it (a Hikari pool on the repository's URL, a JdbcTransactionManager, Spring Batch's JDBC
 * defaults: tables BATCH_*, serializable creation of executions), written out: Boot reads and evaluates five
 * auto-configurations, their nested configurations and their conditions at every start, about a sixth of the main
 * thread of an ingest that finds nothing new, to arrive at these three beans. Spring Batch's tables are created
 * from its own script for the database when the repository has none (BatchRunner looks first), as Boot's
 * {@code spring.batch.jdbc.initialize-schema} did.
 * <p>
 * The run's properties (BatchRunner): {@value #URL}, {@value #USERNAME} and {@value #CREATE_TABLES}; a password
 * comes from {@value #PASSWORD} when the environment has one (SPRING_DATASOURCE_PASSWORD, say), as Boot read it.
 */
@Configuration(proxyBeanMethods = false)
public class JobRepositoryConfiguration extends JdbcDefaultBatchConfiguration {
    static final String URL = "spring.datasource.url";
    static final String USERNAME = "spring.datasource.username";
    static final String PASSWORD = "spring.datasource.password";
    static final String CREATE_TABLES = "fazhi.job-repository.create-tables";

    /** The placeholders of the step configurations' {@code @Value}s: {@code ${fazhi.limits.*}}. */
    @Bean
    static PropertySourcesPlaceholderConfigurer propertySourcesPlaceholderConfigurer() {
        return new PropertySourcesPlaceholderConfigurer();
    }

    @Bean(destroyMethod = "close")
    public HikariDataSource dataSource(Environment environment) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(environment.getRequiredProperty(URL));
        pool.setUsername(environment.getProperty(USERNAME));
        pool.setPassword(environment.getProperty(PASSWORD));
        return pool;
    }

    @Bean
    public JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    @Bean
    @Override
    public JobRepository jobRepository() {
        if (applicationContext.getEnvironment().getProperty(CREATE_TABLES, Boolean.class, false)) {
            DatabasePopulatorUtils.execute(new ResourceDatabasePopulator(new ClassPathResource(schemaScript())),
                    getDataSource());
        }
        return super.jobRepository();
    }

    /**
     * The operator's jobs, looked up by name when it starts or restarts one: Spring Batch's default registry builds
     * every Job bean of the context at start, the three jobs with all their steps, for a run that runs one.
     */
    @Override
    protected JobRegistry getJobRegistry() {
        return new JobsByName(applicationContext);
    }

    /** Spring Batch's script for the repository's database, e.g. org/springframework/batch/core/schema-h2.sql. */
    private String schemaScript() {
        String database;
        try {
            database = getDatabaseType();
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("cannot tell the job repository's database: " + e.getMessage(), e);
        }
        String platform = switch (DatabaseType.valueOf(database)) {
            case POSTGRES -> "postgresql";
            case HSQL -> "hsqldb";
            case DB2, DB2VSE, DB2ZOS, DB2AS400 -> "db2";
            default -> database.toLowerCase(Locale.ROOT);
        };
        return "org/springframework/batch/core/schema-" + platform + ".sql";
    }
}
