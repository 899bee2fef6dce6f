package cn.tongyi.core.volunteer;

import cn.tongyi.core.identity.RoleGrant;
import cn.tongyi.core.member.Member;
import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** R-VOL-1..3: application, training, the scenario test, the certificate, skills and suspension. */
@ApplicationScoped
public class VolunteerService {

    static final int MIN_AGE = 18;
    static final int MAX_AGE = 70;

    private final CurrentBranch currentBranch;
    private final CallerGrants caller;
    private final BusinessClock clock;
    private final EntityManager em;
    private final Event<VolunteerSuspended> suspended;

    VolunteerService(CurrentBranch currentBranch, CallerGrants caller, BusinessClock clock, EntityManager em,
            Event<VolunteerSuspended> suspended) {
        this.currentBranch = currentBranch;
        this.caller = caller;
        this.clock = clock;
        this.em = em;
        this.suspended = suspended;
    }

    @Transactional
    public Volunteer apply(Member member, Set<String> skills) {
        if (member.revoked()) {
            throw ApiProblem.conflict("membership-revoked", "A revoked member cannot volunteer");
        }
        if (Volunteer.findByIdOptional(member.id).isPresent()) {
            throw ApiProblem.conflict("already-volunteer", "This member has already applied");
        }
        LocalDate today = clock.today();
        int age = member.birthDate.until(today).getYears();
        if (age < MIN_AGE || age > MAX_AGE) {
            throw ApiProblem.unprocessable("volunteer-age",
                    "Volunteers are " + MIN_AGE + " to " + MAX_AGE + " years old; this applicant is " + age);
        }
        Volunteer volunteer = new Volunteer();
        volunteer.memberId = member.id;
        volunteer.appliedOn = today;
        volunteer.skills = knownSkills(skills);
        volunteer.persist();
        return volunteer;
    }

    @Transactional
    public Volunteer recordTraining(Volunteer volunteer, Member member, Boolean day1, Boolean day2) {
        if (day1 != null) {
            volunteer.trainingDay1 = day1;
        }
        if (day2 != null) {
            volunteer.trainingDay2 = day2;
        }
        return certifyIfReady(volunteer, member);
    }

    @Transactional
    public Volunteer recordScenarioTest(Volunteer volunteer, Member member, boolean passed) {
        if (!volunteer.trainingDay1 || !volunteer.trainingDay2) {
            throw ApiProblem.conflict("training-incomplete", "The scenario test follows both training days");
        }
        volunteer.scenarioTestPassed = passed;
        return certifyIfReady(volunteer, member);
    }

    @Transactional
    public Volunteer changeSkills(Volunteer volunteer, Set<String> skills) {
        volunteer.skills.clear();
        volunteer.skills.addAll(knownSkills(skills));
        return volunteer;
    }

    @Transactional
    public Volunteer suspend(Volunteer volunteer, LocalDate until, String reason) {
        if (volunteer.certificateNo == null) {
            throw ApiProblem.conflict("not-certified", "Only a certified volunteer can be suspended");
        }
        if (!until.isAfter(clock.today())) {
            throw ApiProblem.invalidField("invalid-date", "until", "A suspension lasts until a day after today");
        }
        volunteer.suspendedUntil = until;
        volunteer.suspensionReason = reason.strip();
        suspended.fire(new VolunteerSuspended(volunteer.memberId));
        return volunteer;
    }

    @Transactional
    public Volunteer lift(Volunteer volunteer) {
        volunteer.suspendedUntil = null;
        volunteer.suspensionReason = null;
        return volunteer;
    }

    /** The certificate number is issued only when both training days and the scenario test are passed. */
    private Volunteer certifyIfReady(Volunteer volunteer, Member member) {
        if (!volunteer.readyForCertificate()) {
            return volunteer;
        }
        String branch = currentBranch.require().value();
        Number sequence = (Number) em.createNativeQuery("""
                INSERT INTO branch_counter (name, value) VALUES ('volunteer_certificates', 1)
                ON CONFLICT (name) DO UPDATE SET value = branch_counter.value + 1 RETURNING value""")
                .getSingleResult();
        volunteer.certificateNo = "TYZG-%s-%d-%05d".formatted(branch.toUpperCase(Locale.ROOT), clock.today().getYear(),
                sequence.longValue());
        volunteer.certifiedAt = clock.now();
        if (!RoleGrant.rolesOf(member.personId, branch).contains(Role.VOLUNTEER)) {
            RoleGrant.grant(member.personId, branch, Role.VOLUNTEER, caller.username());
        }
        return volunteer;
    }

    private static Set<String> knownSkills(Set<String> skills) {
        Set<String> known = new TreeSet<>();
        for (String code : skills == null ? Set.<String>of() : skills) {
            SkillTag tag = SkillTag.findById(code);
            if (tag == null || !tag.active) {
                throw ApiProblem.invalidField("unknown-skill", "skills", "No skill tag " + code + " in this branch");
            }
            known.add(code);
        }
        return known;
    }
}
