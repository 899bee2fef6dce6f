package cn.tongyi.core.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

/** A person who can log in. Points and grants follow the person across branches. */
@Entity
@Table(schema = "platform", name = "person")
public class Person extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Stored in lower case: usernames are case-insensitive. Null for a person without a login. */
    @Column(unique = true)
    public String username;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "password_hash")
    public String passwordHash;

    /** The branch the person is a member of, if any (R-BRANCH-3). */
    @Column(name = "home_branch")
    public String homeBranch;

    @Column(name = "hq_admin", nullable = false)
    public boolean hqAdmin;

    @Column(name = "failed_logins", nullable = false)
    public int failedLogins;

    @Column(name = "locked_until")
    public OffsetDateTime lockedUntil;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    public static String normalize(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    public static Optional<Person> byUsername(String username) {
        return find("username", normalize(username)).firstResultOptional();
    }

    /** A person registered on paper who does not log in (yet); points and grants work all the same. */
    public static Person withoutLogin(String displayName) {
        Person person = new Person();
        person.displayName = displayName.strip();
        person.createdAt = OffsetDateTime.now();
        person.persist();
        return person;
    }

    public static Person create(String username, String displayName, String password) {
        Person person = new Person();
        person.username = normalize(username);
        person.displayName = displayName.strip();
        person.passwordHash = Passwords.hash(password);
        person.createdAt = OffsetDateTime.now();
        person.persist();
        return person;
    }
}
