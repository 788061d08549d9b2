package fazhi.config;

import fazhi.config.nightly.NightlyJobConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The Spring context of a batch run: the job configurations (NightlyJobConfiguration imports the others) and Boot's
 * batch support. Imported rather than found by scanning the package's classes at every start.
 * <p>
 * Boot's auto-configurations are the five a run uses, named here instead of all those on the class path being
 * read and their conditions evaluated at every start: the job repository's pool (spring.datasource.*), its
 * transaction manager, and Spring Batch over them (JobRepository, JobOperator, the schema created on first use by
 * spring.batch.jdbc.initialize-schema). Left out: the task executor and scheduler builders, the JdbcTemplate,
 * JdbcClient and TransactionTemplate beans, annotation-driven transactions and AOP (nothing here is
 * {@code @Transactional}: Spring Batch wraps its repository and operator in transactions itself), SQL init
 * scripts (there are none), SSL bundles, application availability and JMX.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
        DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        BatchJdbcAutoConfiguration.class})
@Import(NightlyJobConfiguration.class)
public class FazhiApplication {
}
