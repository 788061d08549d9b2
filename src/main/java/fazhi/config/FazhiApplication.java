package fazhi.config;

import fazhi.config.nightly.NightlyJobConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The Spring context of a batch run: the job configurations (NightlyJobConfiguration imports the others) and Boot's
 * batch support. Imported rather than found by scanning the package's classes at every start.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(NightlyJobConfiguration.class)
public class FazhiApplication {
}
