package cn.tongyi.testplugin;

import cn.tongyi.plugin.api.PluginTables;
import org.pf4j.Extension;

@Extension
public class TroubleTables implements PluginTables {

    @Override
    public String changelogPath() {
        return "db/trouble/changelog.xml";
    }
}
