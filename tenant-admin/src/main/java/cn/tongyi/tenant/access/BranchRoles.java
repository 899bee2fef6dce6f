package cn.tongyi.tenant.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The branch roles an operation under {@code /api/branches/{branch}/…} needs; any one of them suffices.
 * Without it (or with no roles) any grant on the branch is enough.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface BranchRoles {
    Role[] value();
}
