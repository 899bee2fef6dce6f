package cn.tongyi.core.jobs;

import static cn.tongyi.core.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import cn.tongyi.core.member.BirthdayPointsJob;
import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Database;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.MovableClock;
import cn.tongyi.core.support.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ADR 0013: jobs run one instance at a time, record every run for HQ, and catch up missed days. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class JobRunsTest {

    @Inject
    JobRunner runner;
    @Inject
    ProbeJob probe;
    @Inject
    BirthdayPointsJob birthdays;
    @Inject
    Database database;

    @Test
    @DisplayName("Jobs: two scheduled runs of the same job at once have one effect; the other is recorded as skipped")
    void scheduledTwiceAtOnce() throws Exception {
        probe.entered = new CountDownLatch(1);
        probe.release = new CountDownLatch(1);
        int before = probe.runs.get();
        CompletableFuture<List<JobRun>> first = CompletableFuture.supplyAsync(() -> runner.onSchedule(probe));
        assertThat(probe.entered.await(20, TimeUnit.SECONDS)).isTrue();

        List<JobRun> second = runner.onSchedule(probe);
        probe.release.countDown();

        assertThat(second).singleElement().extracting(JobRun::status).isEqualTo(JobRun.Status.SKIPPED);
        assertThat(first.get(20, TimeUnit.SECONDS)).singleElement().extracting(JobRun::status)
                .isEqualTo(JobRun.Status.FINISHED);
        assertThat(probe.runs.get()).isEqualTo(before + 1);
        as(Api.admin()).get("/api/admin/jobs/test-probe/runs?limit=2").then().statusCode(200)
                .body("status", hasItem("SKIPPED")).body("status", hasItem("FINISHED"))
                .body("[0].instance", equalTo(second.get(0).instance()));
    }

    @Test
    @DisplayName("Jobs: a run left RUNNING by an instance that stopped mid-run ends as FAILED at the job's next run, "
            + "instead of showing HQ a run that never ends")
    void runOfAStoppedInstanceIsClosed() throws Exception {
        UUID dead = UUID.randomUUID();
        database.update("INSERT INTO platform.job_run (id, job, day, trigger, status, instance, started_at) "
                + "VALUES (?, 'test-probe', current_date, 'SCHEDULE', 'RUNNING', 'pod-killed#7', now() - interval "
                + "'1 hour')", dead);

        assertThat(runner.onSchedule(probe)).singleElement().extracting(JobRun::status)
                .isEqualTo(JobRun.Status.FINISHED);

        as(Api.admin()).get("/api/admin/jobs/test-probe/runs?limit=50").then().statusCode(200)
                .body("status", not(hasItem("RUNNING")))
                .body("find { it.id == '" + dead + "' }.status", equalTo("FAILED"))
                .body("find { it.id == '" + dead + "' }.detail", equalTo(JobRunner.ABANDONED))
                .body("find { it.id == '" + dead + "' }.finishedAt", notNullValue());
    }

    @Test
    @DisplayName("R-MEMBER-5 / jobs: the birthday job run twice at once by hand pays the birthday once")
    void birthdayTwiceAtOnce() {
        Api.OnboardedBranch branch = Api.onboardActive("jobtwice");
        long building = Members.building(branch, "1号楼");
        LocalDate birthday = MovableClock.businessNow().toLocalDate().plusDays(4);
        Members.Registered member = Members.registerOnline(branch, building,
                Members.idNumber(birthday.minusYears(70)), null);
        Members.payFee(branch, member.memberId(), "TRIAL");
        String admin = Api.admin();

        List<CompletableFuture<Integer>> runs = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(
                () -> as(admin).post("/api/admin/jobs/birthday-points/runs?day=" + birthday).statusCode())).toList();

        assertThat(runs.stream().map(CompletableFuture::join)).containsExactly(200, 200);
        as(member.token()).get("/api/me/points").then().body("points", equalTo("2.00"));
        as(member.token()).get("/api/me/points/entries").then().body("entries", hasSize(1));
    }

    @Test
    @DisplayName("Jobs: after an outage a per-day job catches up each missed day, and HQ reads every run")
    void catchUp() {
        Api.OnboardedBranch branch = Api.onboardActive("jobcatch");
        long building = Members.building(branch, "1号楼");
        LocalDate today = MovableClock.businessNow().toLocalDate();
        Members.Registered member = Members.registerOnline(branch, building,
                Members.idNumber(today.plusDays(6).minusYears(68)), null);
        Members.payFee(branch, member.memberId(), "TRIAL");

        MovableClock.moveOn(Duration.ofDays(4));
        runner.onSchedule(birthdays);
        MovableClock.moveOn(Duration.ofDays(3));
        List<JobRun> caughtUp = runner.onSchedule(birthdays);

        assertThat(caughtUp).extracting(JobRun::day)
                .containsExactly(today.plusDays(5), today.plusDays(6), today.plusDays(7));
        assertThat(caughtUp).extracting(JobRun::trigger).containsExactly(JobRun.Trigger.CATCH_UP,
                JobRun.Trigger.CATCH_UP, JobRun.Trigger.SCHEDULE);
        as(member.token()).get("/api/me/points").then().body("points", equalTo("2.00"));
        assertThat(runner.onSchedule(birthdays)).isEmpty();
        as(Api.admin()).get("/api/admin/jobs").then().statusCode(200)
                .body("find { it.name == 'birthday-points' }.lastRun.day", equalTo(today.plusDays(7).toString()))
                .body("find { it.name == 'birthday-points' }.schedule", equalTo(birthdays.schedule()));
        as(branch.headToken()).get("/api/admin/jobs").then().statusCode(403);
        as(Api.admin()).get("/api/admin/jobs/birthday-points/runs?limit=0").then().statusCode(400);
    }
}
