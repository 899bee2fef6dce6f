/**
 * The contract Tongyi plugins compile against: extension points, value types and the {@code PluginContext} the core
 * hands them for one branch. Plain Java and pf4j only; no Quarkus, no Hibernate. Kept small and stable.
 */
package cn.tongyi.plugin.api;
