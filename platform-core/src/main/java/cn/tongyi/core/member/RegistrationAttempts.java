package cn.tongyi.core.member;

import cn.tongyi.core.identity.PersonIds;
import cn.tongyi.core.notification.Inbox;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * R-MEMBER-1: when someone registers with the ID or phone number of an existing member, the registration fails
 * silently (the answer is the same as for a new member, so nobody learns who is registered) and the real member finds
 * a warning in their own inbox, once a day at most.
 */
@ApplicationScoped
class RegistrationAttempts {

    static final String TITLE = "有人尝试用您的资料注册";
    static final String BODY = "有人尝试使用您的身份证号或手机号注册同壹时间银行会员,注册未成功。"
            + "如果不是您本人或家人操作,请联系您的楼长管家。";

    private final Inbox inbox;
    private final PersonIds personIds;
    private final BusinessClock clock;

    RegistrationAttempts(Inbox inbox, PersonIds personIds, BusinessClock clock) {
        this.inbox = inbox;
        this.personIds = personIds;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void tellOwner(DuplicateMember duplicate) {
        personIds.internalId(duplicate.existingMember()).ifPresent(personId -> inbox.deliverIn(
                new BranchCode(duplicate.existingBranch()), personId, "REGISTRATION_ATTEMPT", TITLE, BODY,
                "registration-attempt:" + duplicate.existingMember() + ":" + clock.today(), clock.now()));
    }
}
