package fazhi.config;

import fazhi.warehouse.WarehouseLayout;

/** Where the Spring Batch job repository lives: an H2 file inside the warehouse unless told otherwise. */
public final class JobRepositoryUrl {
    private JobRepositoryUrl() {
    }

    public static String resolve(String given, WarehouseLayout layout) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        String env = System.getenv("FAZHI_JOB_REPOSITORY");
        if (env != null && !env.isBlank()) {
            return env;
        }
        return "jdbc:h2:file:" + layout.jobRepository().resolve("fazhi") + ";DB_CLOSE_ON_EXIT=FALSE";
    }
}
