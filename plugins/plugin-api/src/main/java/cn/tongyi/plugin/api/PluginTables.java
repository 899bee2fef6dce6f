package cn.tongyi.plugin.api;

import org.pf4j.ExtensionPoint;

/**
 * Extension point: the plugin's own tables, as a Liquibase changelog inside the plugin's jar. The platform runs it in
 * a branch's schema when a head enables the plugin there, and again for every branch that has it enabled when a new
 * version of the plugin is installed. Every table's name starts with the plugin id, its dashes as underscores
 * ({@code merchant_alliance_…}); switching the plugin off keeps the tables and their data.
 */
public interface PluginTables extends ExtensionPoint {

    /** Class path location of the changelog inside the jar, e.g. {@code db/merchant-alliance/changelog.xml}. */
    String changelogPath();
}
