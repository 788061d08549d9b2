package fazhi.config;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.Job;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.support.GenericApplicationContext;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobsByNameTest {
    private final List<String> built = new ArrayList<>();

    private GenericApplicationContext context() {
        GenericApplicationContext context = new GenericApplicationContext();
        for (String name : List.of("ingest", "stats")) {
            RootBeanDefinition job = new RootBeanDefinition(Job.class, () -> {
                built.add(name);
                return named(name);
            });
            job.setLazyInit(true);
            context.registerBeanDefinition(name + "Job", job);
        }
        // a job whose bean name does not say its name is not the job of that name
        RootBeanDefinition odd = new RootBeanDefinition(Job.class, () -> named("other"));
        odd.setLazyInit(true);
        context.registerBeanDefinition("nightlyJob", odd);
        context.refresh();
        return context;
    }

    private static Job named(String name) {
        return new Job() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public void execute(org.springframework.batch.core.job.JobExecution execution) {
            }
        };
    }

    @Test
    void buildsOnlyTheJobAskedFor() {
        try (GenericApplicationContext context = context()) {
            JobsByName jobs = new JobsByName(context);

            assertThat(jobs.getJob("ingest").getName()).isEqualTo("ingest");
            assertThat(built).containsExactly("ingest");
        }
    }

    @Test
    void namesTheJobsWithoutBuildingThem() {
        try (GenericApplicationContext context = context()) {
            assertThat(new JobsByName(context).getJobNames()).containsExactlyInAnyOrder("ingest", "stats", "nightly");
            assertThat(built).isEmpty();
        }
    }

    @Test
    void anUnknownNameIsNoJob() {
        try (GenericApplicationContext context = context()) {
            JobsByName jobs = new JobsByName(context);

            assertThat(jobs.getJob("nosuch")).isNull();
            assertThat(jobs.getJob("nightly")).isNull();
            assertThatThrownBy(() -> jobs.register(named("x"))).isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
