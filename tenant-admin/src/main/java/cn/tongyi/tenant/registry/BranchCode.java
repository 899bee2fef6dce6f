package cn.tongyi.tenant.registry;

import cn.tongyi.web.ApiProblem;
import java.util.regex.Pattern;

/**
 * A validated branch code. The only way to a tenant schema name: schema names are never built from raw input.
 */
public record BranchCode(String value) {

    public static final String FORMAT_REGEX = "^[a-z][a-z0-9_]{1,30}$";
    private static final Pattern FORMAT = Pattern.compile(FORMAT_REGEX);
    private static final String SCHEMA_PREFIX = "t_";

    public BranchCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw ApiProblem.badRequest("invalid-branch-code",
                    "A branch code is 2 to 31 characters: a lower-case letter, then lower-case letters, digits or _");
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    public String schemaName() {
        return SCHEMA_PREFIX + value;
    }

    @Override
    public String toString() {
        return value;
    }
}
