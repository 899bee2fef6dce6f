package cn.tongyi.core.identity;

import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.tenant.provisioning.BranchHeadAccounts;
import cn.tongyi.tenant.provisioning.HeadAccount;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;

/** Onboarding's head login: a person with BRANCH_HEAD on the new branch. */
@ApplicationScoped
public class PersonHeadAccounts implements BranchHeadAccounts {

    private final CallerGrants caller;

    PersonHeadAccounts(CallerGrants caller) {
        this.caller = caller;
    }

    @Override
    public void requireUsernameFree(String username) {
        if (Person.byUsername(username).isPresent()) {
            throw usernameTaken(username);
        }
    }

    @Override
    public String hashPassword(HeadAccount head) {
        return Passwords.hash(head.password());
    }

    @Override
    public void createHead(BranchCode branch, HeadAccount head, String passwordHash) {
        Person person = Person.createWithHash(head.username(), head.displayName(), passwordHash);
        RoleGrant.grant(person.id, branch.value(), Role.BRANCH_HEAD, caller.username());
    }

    public static ApiProblem usernameTaken(String username) {
        return ApiProblem.conflict("username-taken", "The username " + username + " is taken");
    }
}
