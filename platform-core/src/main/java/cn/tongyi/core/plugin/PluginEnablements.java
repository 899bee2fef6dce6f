package cn.tongyi.core.plugin;

import cn.tongyi.core.jdbc.PlainSql;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.BusinessClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which plugins HQ offers to which branches, which a branch switched on and with which settings, and the record of
 * every change (who, when, before and after), in {@code platform}. Callers run these in their transaction.
 */
@ApplicationScoped
public class PluginEnablements {

    /** A plugin's state in a branch: offered, and possibly enabled with settings (stored values only). */
    public record Enablement(String pluginId, String branch, boolean enabled, Map<String, String> settings) {
    }

    /** What a call of the plugin in a branch needs: its settings there, and whether the branch is ACTIVE. */
    public record InCall(Map<String, String> settings, boolean branchActive) {
    }

    /** One change of a plugin in a branch; before and after are the settings, for a SETTINGS change. */
    public record Change(String action, Map<String, String> before, Map<String, String> after, String changedBy,
            OffsetDateTime changedAt) {
    }

    private static final TypeReference<Map<String, String>> SETTINGS = new TypeReference<>() {
    };

    private final PlainSql sql;
    private final ObjectMapper json;
    private final BusinessClock clock;

    PluginEnablements(PlainSql sql, ObjectMapper json, BusinessClock clock) {
        this.sql = sql;
        this.json = json;
        this.clock = clock;
    }

    /** The offers to a branch, with what the branch made of them. */
    public List<Enablement> ofBranch(BranchCode branch) {
        return sql.query("""
                SELECT o.plugin_id, coalesce(e.enabled, false), coalesce(e.settings::text, '{}')
                FROM platform.plugin_offer o
                LEFT JOIN platform.plugin_enablement e ON e.plugin_id = o.plugin_id AND e.branch_code = o.branch_code
                WHERE o.branch_code = ? ORDER BY o.plugin_id""",
                row -> new Enablement(row.getString(1), branch.value(), row.getBoolean(2), read(row.getString(3))),
                branch.value());
    }

    public Optional<Enablement> of(String pluginId, BranchCode branch) {
        return ofBranch(branch).stream().filter(e -> e.pluginId().equals(pluginId)).findFirst();
    }

    /** The plugin's state for a call in the branch, in one statement; empty unless it is switched on there. */
    public Optional<InCall> inCall(String pluginId, BranchCode branch) {
        return sql.query("""
                SELECT e.settings::text, b.status = 'ACTIVE' FROM platform.plugin_enablement e
                JOIN platform.branch b ON b.code = e.branch_code
                WHERE e.plugin_id = ? AND e.branch_code = ? AND e.enabled""",
                row -> new InCall(read(row.getString(1)), row.getBoolean(2)), pluginId, branch.value())
                .stream().findFirst();
    }

    /** Those of the plugins enabled in the branch. */
    public List<String> enabledAmong(BranchCode branch, List<String> pluginIds) {
        return sql.query("""
                SELECT plugin_id FROM platform.plugin_enablement
                WHERE branch_code = ? AND enabled AND plugin_id = ANY (?) ORDER BY plugin_id""",
                row -> row.getString(1), branch.value(), pluginIds.toArray(String[]::new));
    }

    /** The branches where the plugin is enabled, in code order. */
    public List<String> branchesEnabling(String pluginId) {
        return sql.query("""
                SELECT branch_code FROM platform.plugin_enablement WHERE plugin_id = ? AND enabled
                ORDER BY branch_code""", row -> row.getString(1), pluginId);
    }

    /** The branches the plugin is offered to, in code order. */
    public List<String> branchesOffered(String pluginId) {
        return sql.query("SELECT branch_code FROM platform.plugin_offer WHERE plugin_id = ? ORDER BY branch_code",
                row -> row.getString(1), pluginId);
    }

    /** Offers the plugin to the branch; false if it already was. */
    public boolean offer(String pluginId, BranchCode branch, String actor) {
        boolean offered = sql.update("""
                INSERT INTO platform.plugin_offer (plugin_id, branch_code, offered_by, offered_at)
                VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""", pluginId, branch.value(), actor, clock.now()) == 1;
        if (offered) {
            record(pluginId, branch, "OFFERED", null, null, actor);
        }
        return offered;
    }

    /** Withdraws an offer, switching the plugin off in the branch first (its data stays); false if not offered. */
    public boolean withdraw(String pluginId, BranchCode branch, String actor) {
        of(pluginId, branch).filter(Enablement::enabled).ifPresent(e -> switchTo(e, false, e.settings(), actor));
        sql.update("DELETE FROM platform.plugin_enablement WHERE plugin_id = ? AND branch_code = ?", pluginId,
                branch.value());
        boolean withdrawn = sql.update("DELETE FROM platform.plugin_offer WHERE plugin_id = ? AND branch_code = ?",
                pluginId, branch.value()) == 1;
        if (withdrawn) {
            record(pluginId, branch, "WITHDRAWN", null, null, actor);
        }
        return withdrawn;
    }

    /** Switches the plugin on or off and stores its settings, recording each change against what was before. */
    public Enablement switchTo(Enablement before, boolean enabled, Map<String, String> settings, String actor) {
        BranchCode branch = new BranchCode(before.branch());
        sql.update("""
                INSERT INTO platform.plugin_enablement (plugin_id, branch_code, enabled, settings, changed_by, changed_at)
                VALUES (?, ?, ?, ?::jsonb, ?, ?)
                ON CONFLICT (plugin_id, branch_code) DO UPDATE SET enabled = excluded.enabled,
                    settings = excluded.settings, changed_by = excluded.changed_by, changed_at = excluded.changed_at""",
                before.pluginId(), branch.value(), enabled, write(settings), actor, clock.now());
        if (before.enabled() != enabled) {
            record(before.pluginId(), branch, enabled ? "ENABLED" : "DISABLED", null, null, actor);
        }
        if (!before.settings().equals(settings)) {
            record(before.pluginId(), branch, "SETTINGS", before.settings(), settings, actor);
        }
        return new Enablement(before.pluginId(), branch.value(), enabled, Map.copyOf(settings));
    }

    /** The changes of the plugin in the branch, newest first. */
    public List<Change> changes(String pluginId, BranchCode branch) {
        return sql.query("""
                SELECT action, before::text, after::text, changed_by, changed_at FROM platform.plugin_change
                WHERE plugin_id = ? AND branch_code = ? ORDER BY id DESC LIMIT 200""",
                row -> new Change(row.getString(1), row.getString(2) == null ? null : read(row.getString(2)),
                        row.getString(3) == null ? null : read(row.getString(3)), row.getString(4),
                        row.getObject(5, OffsetDateTime.class)), pluginId, branch.value());
    }

    private void record(String pluginId, BranchCode branch, String action, Map<String, String> before,
            Map<String, String> after, String actor) {
        sql.update("""
                INSERT INTO platform.plugin_change (plugin_id, branch_code, action, before, after, changed_by, changed_at)
                VALUES (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)""", pluginId, branch.value(), action,
                before == null ? null : write(before), after == null ? null : write(after), actor, clock.now());
    }

    private Map<String, String> read(String text) {
        try {
            return json.readValue(text, SETTINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable plugin settings", e);
        }
    }

    private String write(Map<String, String> settings) {
        try {
            return json.writeValueAsString(new LinkedHashMap<>(settings));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
