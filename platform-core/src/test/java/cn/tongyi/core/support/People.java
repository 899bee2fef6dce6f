package cn.tongyi.core.support;

import cn.tongyi.core.identity.Person;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Persons for ledger tests, until the members domain registers them through its API: a person who can log in
 * (bcrypt, as the platform stores it), or a bulk one that cannot (no usable password hash), with a home branch.
 */
@ApplicationScoped
public class People {

    public record Someone(long id, String username, String token) {
    }

    private final EntityManager em;

    People(EntityManager em) {
        this.em = em;
    }

    /** A person with a login and the given home branch (null for none), logged in. */
    public Someone withLogin(String prefix, String homeBranch) {
        String username = Api.newUsername(prefix);
        long id = QuarkusTransaction.requiringNew().call(() -> {
            Person person = Person.create(username, "会员 " + username, Api.PASSWORD);
            person.homeBranch = homeBranch;
            return person.id;
        });
        return new Someone(id, username, Api.login(username, Api.PASSWORD));
    }

    /** A person who cannot log in, with the given home branch (null for none). */
    public long withoutLogin(String prefix, String homeBranch) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                INSERT INTO platform.person (username, display_name, password_hash, home_branch, created_at)
                VALUES (?1, ?2, '!', ?3, now()) RETURNING id""")
                .setParameter(1, Api.newUsername(prefix)).setParameter(2, "会员").setParameter(3, homeBranch)
                .getSingleResult()).longValue());
    }

    /**
     * A login holding one role in a branch, granted directly (merchants and government viewers have no onboarding
     * flow yet), logged in after the grant so that the token carries it.
     */
    public Someone withRole(String branch, String role) {
        String username = Api.newUsername(role.toLowerCase());
        long id = QuarkusTransaction.requiringNew().call(() -> {
            Person person = Person.create(username, "角色 " + role, Api.PASSWORD);
            em.createNativeQuery("""
                    INSERT INTO platform.role_grant (person_id, branch_code, role, granted_by, granted_at)
                    VALUES (?1, ?2, ?3, 'test', now())""")
                    .setParameter(1, person.id).setParameter(2, branch).setParameter(3, role).executeUpdate();
            return person.id;
        });
        return new Someone(id, username, Api.login(username, Api.PASSWORD));
    }
}
