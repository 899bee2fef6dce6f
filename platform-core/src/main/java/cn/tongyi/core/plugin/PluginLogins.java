package cn.tongyi.core.plugin;

import cn.tongyi.core.identity.Person;
import cn.tongyi.core.identity.RoleGrant;
import cn.tongyi.plugin.api.Logins;
import cn.tongyi.plugin.api.PluginProblem;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.tenant.registry.BranchCode;
import java.util.UUID;

/** The logins a plugin may create: MERCHANT in the call's branch, and nothing else. */
class PluginLogins implements Logins {

    private static final String USERNAME = "^[A-Za-z0-9_.-]{3,40}$";

    private final BranchCode branch;
    private final String actor;

    PluginLogins(BranchCode branch, String actor) {
        this.branch = branch;
        this.actor = actor;
    }

    @Override
    public UUID createMerchantLogin(String username, String displayName, String password) {
        if (username == null || !username.matches(USERNAME)) {
            throw PluginProblem.badRequest("invalid-username", "A username is 3 to 40 letters, digits, _ . or -");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 60) {
            throw PluginProblem.badRequest("invalid-display-name", "A display name is 1 to 60 characters");
        }
        if (password == null || password.length() < 8 || password.length() > 72) {
            throw PluginProblem.badRequest("invalid-password", "A password is 8 to 72 characters");
        }
        if (Person.byUsername(username).isPresent()) {
            throw PluginProblem.conflict("username-taken", "The username " + username + " is taken");
        }
        Person person = Person.create(username, displayName, password);
        RoleGrant.grant(person.id, branch.value(), Role.MERCHANT, actor);
        return person.publicId;
    }
}
