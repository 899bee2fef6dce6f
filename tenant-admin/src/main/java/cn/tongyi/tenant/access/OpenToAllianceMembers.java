package cn.tongyi.tenant.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation a member of any branch may use in any ACTIVE branch, as MEMBER there (R-LEDGER-2: a resident of one
 * branch asks for help where their parent lives). Members hold MEMBER only in their home branch; on such an
 * operation {@link BranchAccessFilter} grants it in the path's branch too. A branch that is not ACTIVE stays 404.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface OpenToAllianceMembers {
}
