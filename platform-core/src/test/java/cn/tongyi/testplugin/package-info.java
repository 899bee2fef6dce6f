/**
 * A plugin the tests build into jars at run time ({@code PluginJars}) to prove the host against the worst a plugin
 * can do: throw in a route or a listener, answer slowly, keep its own data, or fail to start. Never shipped.
 */
package cn.tongyi.testplugin;
