package fazhi.config;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring context of a batch run: the job configurations in this package and Boot's batch support. */
@SpringBootApplication(proxyBeanMethods = false)
public class FazhiApplication {
}
