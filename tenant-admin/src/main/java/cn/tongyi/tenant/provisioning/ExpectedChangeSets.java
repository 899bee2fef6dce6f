package cn.tongyi.tenant.provisioning;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * The change sets a branch schema must hold ({@code author:id}), read from the changelogs once per changelog, so that
 * an upgrade can tell in one query that a schema is already current and skip Liquibase (its lock, its changelog
 * parsing and its checks) altogether.
 */
final class ExpectedChangeSets {

    private record Source(ClassLoader loader, String path) {
    }

    private final Map<Source, List<String>> parsed = new ConcurrentHashMap<>();

    Set<String> of(List<TenantChangelogContributor> changelogs) {
        Set<String> all = new LinkedHashSet<>();
        for (TenantChangelogContributor changelog : changelogs) {
            all.addAll(parsed.computeIfAbsent(new Source(changelog.classLoader(), changelog.changelogPath()),
                    ExpectedChangeSets::parse));
        }
        return all;
    }

    private static List<String> parse(Source source) {
        try {
            return Scope.child(Map.of("liquibase.analytics.enabled", false), () -> {
                var accessor = new ClassLoaderResourceAccessor(source.loader());
                DatabaseChangeLog changelog = ChangeLogParserFactory.getInstance().getParser(source.path(), accessor)
                        .parse(source.path(), new ChangeLogParameters(), accessor);
                return changelog.getChangeSets().stream().map(ExpectedChangeSets::key).toList();
            });
        } catch (Exception e) {
            throw new IllegalStateException("Could not read changelog " + source.path(), e);
        }
    }

    static String key(ChangeSet changeSet) {
        return changeSet.getAuthor() + ":" + changeSet.getId();
    }
}
