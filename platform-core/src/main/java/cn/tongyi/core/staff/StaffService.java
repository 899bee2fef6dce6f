package cn.tongyi.core.staff;

import cn.tongyi.core.identity.Person;
import cn.tongyi.core.identity.PersonHeadAccounts;
import cn.tongyi.core.identity.RoleGrant;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The branch head manages the staff roles of their branch (R-BRANCH-3). Member, volunteer, merchant and government
 * roles come from their own flows, not from here.
 */
@ApplicationScoped
public class StaffService {

    static final Set<Role> STAFF_ROLES = EnumSet.of(Role.BRANCH_HEAD, Role.STEWARD, Role.FINANCE);

    public List<StaffMember> list(BranchCode branch) {
        List<RoleGrant> grants = RoleGrant.list("branchCode = ?1 and role in ?2 order by personId", branch.value(),
                STAFF_ROLES);
        Map<Long, Set<Role>> rolesByPerson = grants.stream().collect(Collectors.groupingBy(g -> g.personId,
                Collectors.mapping(g -> g.role, Collectors.toCollection(() -> EnumSet.noneOf(Role.class)))));
        Map<Long, Person> people = Person.<Person>list("id in ?1", rolesByPerson.keySet()).stream()
                .collect(Collectors.toMap(p -> p.id, p -> p));
        return rolesByPerson.entrySet().stream()
                .map(e -> view(people.get(e.getKey()), e.getValue()))
                .toList();
    }

    @Transactional
    public StaffMember create(BranchCode branch, NewStaff request, String actor) {
        Set<Role> roles = staffRoles(request.roles());
        if (Person.byUsername(request.username()).isPresent()) {
            throw PersonHeadAccounts.usernameTaken(request.username());
        }
        Person person = Person.create(request.username(), request.displayName(), request.password());
        roles.forEach(role -> RoleGrant.grant(person.id, branch.value(), role, actor));
        return view(person, roles);
    }

    @Transactional
    public StaffMember setRoles(BranchCode branch, Long personId, Set<Role> requested, Long actorId, String actor) {
        Set<Role> roles = staffRoles(requested);
        Person person = staffMember(branch, personId);
        if (personId.equals(actorId) && !roles.contains(Role.BRANCH_HEAD)) {
            throw ApiProblem.conflict("cannot-demote-self", "A branch head cannot take their own head role away");
        }
        Set<Role> held = RoleGrant.rolesOf(personId, branch.value());
        Set<Role> dropped = EnumSet.copyOf(STAFF_ROLES);
        dropped.removeAll(roles);
        if (!dropped.isEmpty()) {
            RoleGrant.delete("personId = ?1 and branchCode = ?2 and role in ?3", personId, branch.value(), dropped);
        }
        roles.stream().filter(role -> !held.contains(role))
                .forEach(role -> RoleGrant.grant(personId, branch.value(), role, actor));
        return view(person, roles);
    }

    @Transactional
    public void remove(BranchCode branch, Long personId, Long actorId) {
        staffMember(branch, personId);
        if (personId.equals(actorId)) {
            throw ApiProblem.conflict("cannot-demote-self", "A branch head cannot take their own head role away");
        }
        RoleGrant.delete("personId = ?1 and branchCode = ?2 and role in ?3", personId, branch.value(), STAFF_ROLES);
    }

    private static Person staffMember(BranchCode branch, Long personId) {
        Person person = Person.<Person>findByIdOptional(personId).orElseThrow();
        if (RoleGrant.count("personId = ?1 and branchCode = ?2 and role in ?3", personId, branch.value(),
                STAFF_ROLES) == 0) {
            throw notFound(person.publicId);
        }
        return person;
    }

    static ApiProblem notFound(UUID personId) {
        return ApiProblem.notFound("staff-not-found", "No staff member " + personId + " here");
    }

    private static Set<Role> staffRoles(Set<Role> requested) {
        if (requested == null || requested.isEmpty()) {
            throw ApiProblem.badRequest("roles-required", "Give at least one of " + STAFF_ROLES);
        }
        if (!STAFF_ROLES.containsAll(requested)) {
            throw ApiProblem.badRequest("role-not-grantable", "A branch head grants only " + STAFF_ROLES);
        }
        return EnumSet.copyOf(requested);
    }

    private static StaffMember view(Person person, Set<Role> roles) {
        return new StaffMember(person.publicId, person.username, person.displayName, roles);
    }
}
