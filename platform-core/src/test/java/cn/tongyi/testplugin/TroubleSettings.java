package cn.tongyi.testplugin;

import cn.tongyi.plugin.api.PluginSettings;
import cn.tongyi.plugin.api.SettingDefinition;
import java.util.List;
import org.pf4j.Extension;

@Extension
public class TroubleSettings implements PluginSettings {

    @Override
    public List<SettingDefinition> settings() {
        return List.of(
                SettingDefinition.bool("failEvents", false, "事件处理失败", "Fail on events"),
                SettingDefinition.integer("patience", 30, 1, 120, "耐心(秒)", "Patience (seconds)"),
                SettingDefinition.text("motto", "互助", "^.{1,20}$", "口号", "Motto"));
    }
}
