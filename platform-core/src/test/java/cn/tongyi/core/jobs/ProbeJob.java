package cn.tongyi.core.jobs;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A job for tests only: counts its runs and, when asked, holds a run open until the test lets it finish. A singleton,
 * so the test sets its latches on the instance itself, not on a client proxy.
 */
@Singleton
public class ProbeJob implements DailyJob {

    final AtomicInteger runs = new AtomicInteger();
    volatile CountDownLatch entered = new CountDownLatch(0);
    volatile CountDownLatch release = new CountDownLatch(0);

    @Override
    public String name() {
        return "test-probe";
    }

    @Override
    public String schedule() {
        return "Never (tests only)";
    }

    @Override
    public boolean perDay() {
        return false;
    }

    @Override
    public JobReport run(LocalDate day) {
        runs.incrementAndGet();
        entered.countDown();
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new JobReport(name(), day, 0, 1);
    }
}
