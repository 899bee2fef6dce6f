package cn.tongyi.core.identity;

import cn.tongyi.tenant.access.Role;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A role held by a person in one branch (R-BRANCH-3). */
@Entity
@Table(schema = "platform", name = "role_grant")
public class RoleGrant extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "person_id", nullable = false)
    public Long personId;

    @Column(name = "branch_code", nullable = false)
    public String branchCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Column(name = "granted_by", nullable = false)
    public String grantedBy;

    @Column(name = "granted_at", nullable = false)
    public OffsetDateTime grantedAt;

    public static void grant(Long personId, String branchCode, Role role, String grantedBy) {
        RoleGrant grant = new RoleGrant();
        grant.personId = personId;
        grant.branchCode = branchCode;
        grant.role = role;
        grant.grantedBy = grantedBy;
        grant.grantedAt = OffsetDateTime.now();
        grant.persist();
    }

    public static Set<Role> rolesOf(Long personId, String branchCode) {
        List<RoleGrant> grants = list("personId = ?1 and branchCode = ?2", personId, branchCode);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        grants.forEach(g -> roles.add(g.role));
        return roles;
    }

    /** Every grant of a person, by branch: what goes into their token. */
    public static Map<String, Set<Role>> byBranch(Long personId) {
        Map<String, Set<Role>> grants = new TreeMap<>();
        RoleGrant.<RoleGrant>list("personId", personId)
                .forEach(g -> grants.computeIfAbsent(g.branchCode, b -> EnumSet.noneOf(Role.class)).add(g.role));
        return grants;
    }
}
