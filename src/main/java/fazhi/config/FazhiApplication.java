package fazhi.config;

import fazhi.config.nightly.NightlyJobConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The Spring context of a batch run: the job repository (JobRepositoryConfiguration) and the job configurations
 * (NightlyJobConfiguration imports the others). Imported rather than found by scanning the packages' classes at every
 * start, and no auto-configuration read or evaluated: nothing here is {@code @Transactional} (Spring Batch wraps its
 * repository and operator in transactions itself), and the task executors, JdbcTemplate, SQL init scripts, SSL
 * bundles, availability and JMX of Boot's other auto-configurations are not used.
 */
@Configuration(proxyBeanMethods = false)
@Import({JobRepositoryConfiguration.class, NightlyJobConfiguration.class})
public class FazhiApplication {
}
