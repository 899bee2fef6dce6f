package cn.tongyi.plugin.api;

import java.math.BigDecimal;

/** A plugin's settings in a branch, typed as declared; an undeclared name is an IllegalArgumentException. */
public interface SettingsView {

    String text(String name);

    long integer(String name);

    BigDecimal decimal(String name);

    boolean bool(String name);
}
