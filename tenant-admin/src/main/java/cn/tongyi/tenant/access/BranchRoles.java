package cn.tongyi.tenant.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The branch roles an operation under {@code /api/branches/{branch}/…} needs; any one of them suffices. Every branch
 * operation names its roles, on the method or its class: {@link BranchAccessFilter} refuses to run one that does not.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface BranchRoles {
    Role[] value();
}
