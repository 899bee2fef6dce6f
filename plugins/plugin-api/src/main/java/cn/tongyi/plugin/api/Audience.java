package cn.tongyi.plugin.api;

/**
 * (Since 1.2) Whose pages a plugin's page belongs to, and so where the host serves it: the member app
 * ({@code /m/{branch}/plugins/{pluginId}/…}), the staff console ({@code /s/{branch}/plugins/{pluginId}/…}) or the
 * office portal ({@code /o/{branch}/plugins/{pluginId}/…}), each inside that face's layout and menu.
 */
public enum Audience {
    MEMBER,
    STAFF,
    OFFICE
}
