package cn.tongyi.testplugin;

import org.pf4j.Plugin;

/** The plugin's entry point; the tests also package it as a "future" plugin built for plugin API 2. */
public class TroublePlugin extends Plugin {
}
