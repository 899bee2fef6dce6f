package cn.tongyi.testplugin;

import org.pf4j.Plugin;

/** A plugin whose start fails, as one missing a resource it needs would. */
public class BrokenPlugin extends Plugin {

    @Override
    public void start() {
        throw new IllegalStateException("the broken plugin cannot start");
    }
}
