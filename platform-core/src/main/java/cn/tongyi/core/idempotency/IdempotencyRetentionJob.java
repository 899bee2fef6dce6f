package cn.tongyi.core.idempotency;

import cn.tongyi.core.jobs.DailyJob;
import cn.tongyi.core.jobs.JobRunner;
import cn.tongyi.web.BusinessClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Idempotency records (and their sealed responses) are kept for {@code TONGYI_IDEMPOTENCY_RETENTION} (24 hours by
 * default): long enough for any client's retries, short enough that a dump holds little. Every hour the expired ones
 * are deleted; a DELETE by age is safe on several instances at once. A retry after that is judged afresh.
 */
@ApplicationScoped
public class IdempotencyRetentionJob implements DailyJob {

    private final EntityManager em;
    private final BusinessClock clock;
    private final Duration retention;
    private final JobRunner runner;

    IdempotencyRetentionJob(EntityManager em, BusinessClock clock,
            @ConfigProperty(name = "tongyi.idempotency.retention") Duration retention, JobRunner runner) {
        this.runner = runner;
        this.em = em;
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    public String name() {
        return "idempotency-retention";
    }

    @Override
    public String schedule() {
        return "Every hour";
    }

    @Override
    public boolean perDay() {
        return false;
    }

    @Scheduled(every = "1h", delayed = "10m", identity = "idempotency-retention",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void hourly() {
        runner.onSchedule(this);
    }

    /** Deletes the records older than the retention now; the day is only reported. */
    @Override
    public JobReport run(LocalDate day) {
        int deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "DELETE FROM platform.idempotency_record WHERE created_at < ?1")
                .setParameter(1, clock.now().minus(retention)).executeUpdate());
        return new JobReport(name(), day, 0, deleted);
    }
}
