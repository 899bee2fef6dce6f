package cn.tongyi.tenant.provisioning;

import cn.tongyi.tenant.registry.BranchCode;

/** A branch schema could not be brought up to date. */
public class SchemaMigrationException extends RuntimeException {

    public SchemaMigrationException(BranchCode branch, Throwable cause) {
        super("Migration of the schema of branch " + branch + " failed: " + cause.getMessage(), cause);
    }
}
