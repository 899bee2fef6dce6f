package cn.tongyi.core.plugin;

import cn.tongyi.tenant.provisioning.BranchChangelogs;
import cn.tongyi.tenant.provisioning.TenantChangelogContributor;
import cn.tongyi.tenant.provisioning.TenantSchemaMigrator;
import cn.tongyi.tenant.registry.BranchCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The plugins' own tables in branch schemas: a plugin's changelog runs in a branch's schema when the branch enables it,
 * and again, for every branch that has it enabled, whenever the branch schemas are upgraded (a new plugin version).
 */
@ApplicationScoped
class PluginSchemas implements BranchChangelogs {

    /** After the core's changelogs, which own the schema's first tables. */
    private static final int AFTER_THE_CORE = 100;

    private final PluginHost host;
    private final PluginEnablements enablements;
    private final TenantSchemaMigrator migrator;

    PluginSchemas(PluginHost host, PluginEnablements enablements, TenantSchemaMigrator migrator) {
        this.host = host;
        this.enablements = enablements;
        this.migrator = migrator;
    }

    @Override
    public List<TenantChangelogContributor> of(BranchCode branch) {
        List<String> withTables = host.installed().stream()
                .filter(p -> p.active() && p.changelog().isPresent()).map(InstalledPlugin::id).toList();
        if (withTables.isEmpty()) {
            return List.of();
        }
        return enablements.enabledAmong(branch, withTables).stream()
                .map(id -> changelogOf(host.active(id).orElseThrow())).toList();
    }

    /** Creates or updates the plugin's tables in the branch's schema; Liquibase commits as it goes. */
    void migrate(InstalledPlugin plugin, BranchCode branch) {
        if (plugin.changelog().isPresent()) {
            migrator.migrate(branch, List.of(changelogOf(plugin)));
        }
    }

    private static TenantChangelogContributor changelogOf(InstalledPlugin plugin) {
        return new TenantChangelogContributor() {
            @Override
            public String changelogPath() {
                return plugin.changelog().orElseThrow();
            }

            @Override
            public int order() {
                return AFTER_THE_CORE;
            }

            @Override
            public ClassLoader classLoader() {
                return plugin.ownResources();
            }
        };
    }
}
