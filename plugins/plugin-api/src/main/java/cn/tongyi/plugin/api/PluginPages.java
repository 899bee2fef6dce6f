package cn.tongyi.plugin.api;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * (Since 1.2) Extension point: the pages a plugin contributes to the member app, the staff console or the office
 * portal, with their menu entries, shown only in branches where the plugin is enabled.
 */
public interface PluginPages extends ExtensionPoint {

    List<Page> pages();
}
