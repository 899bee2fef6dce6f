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
import java.util.UUID;

/** A person who can log in. Points and grants follow the person across branches. */
@Entity
@Table(schema = "platform", name = "person")
public class Person extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The id the API shows: opaque, never sequential. A member's is their member id. */
    @Column(name = "public_id", nullable = false, unique = true)
    public UUID publicId;

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

    /** Set when HQ reset the password (or the platform made up the first one): the login should choose its own. */
    @Column(name = "password_reset_by")
    public String passwordResetBy;

    @Column(name = "password_changed_at")
    public OffsetDateTime passwordChangedAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    public static String normalize(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    public static Optional<Person> byUsername(String username) {
        return find("username", normalize(username)).firstResultOptional();
    }

    /** A person registered on paper who does not log in (yet); points and grants work all the same. */
    public static Person withoutLogin(UUID publicId, String displayName) {
        return persist(publicId, null, displayName, null);
    }

    /** A person with a login and a fresh public id. */
    public static Person create(String username, String displayName, String password) {
        return create(UUID.randomUUID(), username, displayName, password);
    }

    public static Person create(UUID publicId, String username, String displayName, String password) {
        return persist(publicId, normalize(username), displayName, Passwords.hash(password));
    }

    /** A login whose password was hashed beforehand ({@link Passwords}), e.g. while other work went on. */
    static Person createWithHash(String username, String displayName, String passwordHash) {
        return persist(UUID.randomUUID(), normalize(username), displayName, passwordHash);
    }

    /** A new password; {@code resetBy} names who reset it for the login, null when the login chose it. */
    public void setPassword(String password, OffsetDateTime at, String resetBy) {
        passwordHash = Passwords.hash(password);
        passwordChangedAt = at;
        passwordResetBy = resetBy;
    }

    public boolean mustChangePassword() {
        return passwordResetBy != null;
    }

    private static Person persist(UUID publicId, String username, String displayName, String passwordHash) {
        Person person = new Person();
        person.publicId = publicId;
        person.username = username;
        person.displayName = displayName.strip();
        person.passwordHash = passwordHash;
        person.createdAt = OffsetDateTime.now();
        person.persist();
        return person;
    }
}
