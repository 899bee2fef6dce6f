package cn.tongyi.core.service;

import cn.tongyi.core.identity.RoleGrant;
import cn.tongyi.core.jobs.ActiveBranches;
import cn.tongyi.core.jobs.DailyJob;
import cn.tongyi.core.jobs.JobRunner;
import cn.tongyi.core.notification.Inbox;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.BusinessClock;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * R-SERVICE-4: offers not accepted within 2 hours lapse; when no open offer of a request is left, the branch's
 * stewards are alerted, once per round of offers, and may offer it again. It looks at the clock, not at the day it is given, so running it by hand
 * for any day does the same as the scheduler.
 */
@ApplicationScoped
public class OfferLapseJob implements DailyJob {

    private final ActiveBranches branches;
    private final Inbox inbox;
    private final CurrentBranch currentBranch;
    private final EntityManager em;
    private final BusinessClock clock;
    private final JobRunner runner;

    OfferLapseJob(ActiveBranches branches, Inbox inbox, CurrentBranch currentBranch, EntityManager em,
            BusinessClock clock, JobRunner runner) {
        this.runner = runner;
        this.branches = branches;
        this.inbox = inbox;
        this.currentBranch = currentBranch;
        this.em = em;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "offer-lapses";
    }

    @Override
    public String schedule() {
        return "Every 5 minutes";
    }

    @Override
    public boolean perDay() {
        return false;
    }

    @Scheduled(every = "5m", delayed = "5m", identity = "offer-lapses",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everyFiveMinutes() {
        runner.onSchedule(this);
    }

    @Override
    public JobReport run(LocalDate day) {
        return branches.report(name(), day, this::lapseAndAlert);
    }

    private int lapseAndAlert() {
        OffsetDateTime now = clock.now();
        em.createNativeQuery("UPDATE service_offer SET status = 'LAPSED' WHERE status = 'OPEN' AND expires_at <= ?1")
                .setParameter(1, now).executeUpdate();
        List<ServiceRequest> untaken = ServiceRequest.list("""
                status = ?1 and not exists (select 1 from ServiceOffer o where o.requestId = id and o.status = ?2)""",
                ServiceRequest.Status.OFFERED, ServiceOffer.Status.OPEN);
        List<RoleGrant> stewards = RoleGrant.list("branchCode = ?1 and role = ?2",
                currentBranch.require().value(), Role.STEWARD);
        int alerted = 0;
        for (ServiceRequest request : untaken) {
            // once per round of offers: a request offered again (re-offer) and lapsing again alerts again
            long round = ServiceOffer.count("requestId = ?1 and status = ?2", request.id, ServiceOffer.Status.LAPSED);
            for (RoleGrant steward : stewards) {
                String body = "服务请求 #%d(%s,%s)的派单已超过 2 小时无志工接单,请重新安排。"
                        .formatted(request.id, request.serviceType, request.startsAt.atZoneSameInstant(BusinessClock.ZONE)
                                .toLocalDateTime());
                if (inbox.deliver(steward.personId, "OFFER_LAPSED", "派单超时未接", body,
                        "offer-lapsed:" + request.id + ":" + round + ":" + steward.personId, now)) {
                    alerted++;
                }
            }
        }
        return alerted;
    }
}
