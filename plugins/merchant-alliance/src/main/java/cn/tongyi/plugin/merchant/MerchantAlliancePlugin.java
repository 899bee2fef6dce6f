package cn.tongyi.plugin.merchant;

import org.pf4j.Plugin;

/**
 * The merchant alliance (商家联盟, R-MERCHANT-1..5) as a pf4j plugin. It keeps no state of its own: its extensions are
 * called by the platform with a {@link cn.tongyi.plugin.api.PluginContext} that names the branch.
 */
public class MerchantAlliancePlugin extends Plugin {
}
