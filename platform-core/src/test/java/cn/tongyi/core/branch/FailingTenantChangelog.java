package cn.tongyi.core.branch;

import cn.tongyi.tenant.provisioning.TenantChangelogContributor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A test-only domain changelog that runs after the core's and fails for branches whose code starts with
 * {@value #FAILING_PREFIX}: a stand-in for any migration that breaks half-way through an onboarding.
 */
@ApplicationScoped
public class FailingTenantChangelog implements TenantChangelogContributor {

    static final String FAILING_PREFIX = "boom";

    @Override
    public String changelogPath() {
        return "db/test/failing-changelog.xml";
    }

    @Override
    public int order() {
        return 1000;
    }
}
