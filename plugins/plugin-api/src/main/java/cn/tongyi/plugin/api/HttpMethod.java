package cn.tongyi.plugin.api;

/** The HTTP methods a plugin route may answer. */
public enum HttpMethod {
    GET,
    POST,
    PUT,
    DELETE
}
