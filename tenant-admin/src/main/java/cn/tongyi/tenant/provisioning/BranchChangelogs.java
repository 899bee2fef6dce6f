package cn.tongyi.tenant.provisioning;

import cn.tongyi.tenant.registry.BranchCode;
import java.util.List;

/**
 * Changelogs a branch's schema carries beyond the domains': those of the plugins it switched on. Implemented by the
 * plugin host, so that upgrading a branch also brings its plugins' tables up to date.
 */
public interface BranchChangelogs {

    List<TenantChangelogContributor> of(BranchCode branch);
}
