package cn.tongyi.plugin.api;

import java.util.Optional;

/**
 * What the platform hands a plugin with every call (a route, an event): the branch it acts in, who called, and narrow
 * ports into the core. Everything a plugin does through it stays in that branch and in the call's transaction.
 */
public interface PluginContext {

    /** The plugin's own id. */
    String pluginId();

    /** The code of the branch this call acts in. */
    String branch();

    /** The caller of a route; empty for an event delivery. */
    Optional<Caller> caller();

    /** The plugin's settings in this branch (the stored values, else the defaults). */
    SettingsView settings();

    /** Business time (Asia/Shanghai), which tests can move: never read the system clock. */
    BusinessTime time();

    /** The plugin's own tables in this branch's schema. */
    PluginSql sql();

    /** Postings to the shared points ledger: the only way a plugin moves points. */
    LedgerPort ledger();

    /** Members by id, masked. */
    MemberDirectory members();

    /** The branch's income records. */
    BranchIncomePort income();

    /** Logins the plugin may create in this branch. */
    Logins logins();

    /** Read-only views of the plugin's tables in the other branches where it is enabled. */
    AllianceView alliance();
}
