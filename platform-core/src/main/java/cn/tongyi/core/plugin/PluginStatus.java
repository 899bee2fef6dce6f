package cn.tongyi.core.plugin;

/** Where an installed plugin stands on this platform. */
public enum PluginStatus {
    /** Loaded and started: it can be offered to branches and serves those that enabled it. */
    ACTIVE,
    /** Built against a plugin API this platform does not offer: not loaded. */
    REFUSED,
    /** Loaded, but its start failed: it serves nothing. */
    FAILED,
    /** Offered to branches once, but its jar is no longer in the plugins folder. */
    MISSING
}
