package fazhi.config.nightly;

import fazhi.config.Watchdog;
import fazhi.validate.RuleEngine;
import fazhi.warehouse.ComposeDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.sql.Connection;
import java.util.function.Supplier;

/** validate: confront every candidate figure with the rules of schema/validation-rules.yaml. */
public class ValidateObservationsTasklet implements Tasklet {
    private static final Logger log = LoggerFactory.getLogger(ValidateObservationsTasklet.class);

    private final ComposeDatabase compose;
    private final Supplier<RuleEngine> engine;
    private final String runId;
    private final Watchdog watchdog;

    /** @param engine built when a version is validated, not when the published one is kept */
    public ValidateObservationsTasklet(ComposeDatabase compose, Supplier<RuleEngine> engine, String runId,
                                       Watchdog watchdog) {
        this.compose = compose;
        this.watchdog = watchdog;
        this.engine = engine;
        this.runId = runId;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        if (KeptVersion.of(chunkContext).isPresent()) {
            return RepeatStatus.FINISHED;   // the published version's confrontation stands
        }
        try (Connection db = watchdog.cancelOnStop(compose.open())) {
            for (RuleEngine.RuleOutcome o : engine.get().confront(db, runId)) {
                if (o.error() != null) {
                    log.error("rule {} could not be evaluated: {}", o.rule().id(), o.error());
                } else if (o.fails() > 0) {
                    log.info("rule {} ({}): {} of {} items fail", o.rule().id(), o.rule().severity().code(), o.fails(),
                            o.items());
                }
            }
        }
        return RepeatStatus.FINISHED;
    }
}
