package cn.tongyi.core.branch;

import cn.tongyi.tenant.provisioning.TenantChangelogContributor;
import jakarta.enterprise.context.ApplicationScoped;

/** The core domains' tables in every branch schema. */
@ApplicationScoped
public class CoreTenantChangelog implements TenantChangelogContributor {

    @Override
    public String changelogPath() {
        return "db/tenant/core/changelog.xml";
    }
}
