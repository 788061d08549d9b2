package fazhi.config;

import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The jobs of a run's context by name: the job {@code name} is the bean {@code nameJob} (NightlyJobConfiguration),
 * built when it is first asked for. Nothing is registered by hand: the context's jobs are all there is.
 */
final class JobsByName implements JobRegistry {
    static final String BEAN_SUFFIX = "Job";

    private final ListableBeanFactory beans;

    JobsByName(ListableBeanFactory beans) {
        this.beans = beans;
    }

    /** The job of that name, or null when the context has none. */
    @Override
    public Job getJob(String name) {
        try {
            Job job = beans.getBean(name + BEAN_SUFFIX, Job.class);
            return name.equals(job.getName()) ? job : null;
        } catch (NoSuchBeanDefinitionException e) {
            return null;
        }
    }

    /** The names of the context's jobs, from their bean names (no job is built). */
    @Override
    public Set<String> getJobNames() {
        return Arrays.stream(beans.getBeanNamesForType(Job.class, false, false))
                .filter(bean -> bean.endsWith(BEAN_SUFFIX))
                .map(bean -> bean.substring(0, bean.length() - BEAN_SUFFIX.length()))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void register(Job job) {
        throw new UnsupportedOperationException("the jobs of a run are the beans of its context");
    }

    @Override
    public void unregister(String name) {
        throw new UnsupportedOperationException("the jobs of a run are the beans of its context");
    }
}
