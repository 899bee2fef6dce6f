package cn.tongyi.tenant.access;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import jakarta.enterprise.context.RequestScoped;

/**
 * Hibernate's tenant is the current branch's schema; without a branch it is {@code platform}, so a request with no
 * tenant never touches a branch schema.
 */
@PersistenceUnitExtension
@RequestScoped
public class BranchTenantResolver implements TenantResolver {

    public static final String PLATFORM_SCHEMA = "platform";

    private final CurrentBranch currentBranch;

    BranchTenantResolver(CurrentBranch currentBranch) {
        this.currentBranch = currentBranch;
    }

    @Override
    public String getDefaultTenantId() {
        return PLATFORM_SCHEMA;
    }

    @Override
    public String resolveTenantId() {
        return currentBranch.code().map(code -> code.schemaName()).orElse(PLATFORM_SCHEMA);
    }
}
