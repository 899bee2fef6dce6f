package cn.tongyi.tenant.provisioning;

/**
 * A domain's part of every branch schema. Domains (platform-core, later the plugins through the plugin host)
 * contribute their own Liquibase changelog, so the control plane knows no domain table.
 */
public interface TenantChangelogContributor {

    /** Classpath location of the changelog, e.g. {@code db/tenant/core/changelog.xml}. */
    String changelogPath();

    /** Changelogs run in ascending order: the core first, plugins after it. */
    default int order() {
        return 0;
    }

    /** The loader that sees the changelog: a plugin's own class loader for plugin changelogs. */
    default ClassLoader classLoader() {
        return getClass().getClassLoader();
    }
}
