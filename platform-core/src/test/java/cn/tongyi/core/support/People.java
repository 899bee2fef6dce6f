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
}
