package cn.tongyi.core.member;

import cn.tongyi.core.identity.CurrentPerson;
import cn.tongyi.core.identity.Person;
import cn.tongyi.web.BusinessClock;
import cn.tongyi.web.ui.Page;
import cn.tongyi.web.ui.PageContext;
import jakarta.enterprise.context.RequestScoped;
import java.time.LocalDate;
import java.util.Optional;

/** The {@link Page} of a member app page: the member's name, and elder mode by default from the age of 60. */
@RequestScoped
public class MemberPages {

    /** 60 and over: elder mode (长辈版) is on until the member switches it off. */
    static final int ELDER_AGE = 60;

    private final PageContext pages;
    private final CurrentPerson me;
    private final BusinessClock clock;

    MemberPages(PageContext pages, CurrentPerson me, BusinessClock clock) {
        this.pages = pages;
        this.me = me;
        this.clock = clock;
    }

    public Page page(String titleKey) {
        Person person = me.require();
        Optional<Member> member = Member.find("personId", person.id).firstResultOptional();
        LocalDate today = clock.today();
        boolean elder = member.map(m -> !m.birthDate.plusYears(ELDER_AGE).isAfter(today)).orElse(false);
        return pages.page(titleKey, elder, person.displayName);
    }
}
