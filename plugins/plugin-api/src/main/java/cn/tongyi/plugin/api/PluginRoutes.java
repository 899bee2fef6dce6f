package cn.tongyi.plugin.api;

import java.util.List;
import org.pf4j.ExtensionPoint;

/** Extension point: the HTTP routes a plugin serves in every branch where it is enabled. */
public interface PluginRoutes extends ExtensionPoint {

    List<Route> routes();
}
