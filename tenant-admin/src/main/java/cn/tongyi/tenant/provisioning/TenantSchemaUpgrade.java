package cn.tongyi.tenant.provisioning;

import cn.tongyi.tenant.registry.Branch;
import cn.tongyi.tenant.registry.BranchCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/** Upgrades every registered branch schema to the current changelogs, one branch at a time. */
@ApplicationScoped
public class TenantSchemaUpgrade {

    private static final Logger LOG = Logger.getLogger(TenantSchemaUpgrade.class);

    private final TenantSchemaMigrator migrator;

    TenantSchemaUpgrade(TenantSchemaMigrator migrator) {
        this.migrator = migrator;
    }

    public record Result(String branch, boolean upgraded, String error) {
    }

    public record Report(int branches, int failed, List<Result> results) {
        public boolean succeeded() {
            return failed == 0;
        }
    }

    public Report upgradeAll() {
        List<String> codes = Branch.<Branch>listAll().stream().map(b -> b.code).sorted().toList();
        List<Result> results = new ArrayList<>();
        for (String code : codes) {
            try {
                migrator.migrate(new BranchCode(code));
                results.add(new Result(code, true, null));
            } catch (RuntimeException e) {
                LOG.errorf(e, "Upgrade of branch schema %s failed", code);
                results.add(new Result(code, false, e.getMessage()));
            }
        }
        int failed = (int) results.stream().filter(r -> !r.upgraded()).count();
        LOG.infof("Upgraded %d branch schemas, %d failed", codes.size() - failed, failed);
        return new Report(codes.size(), failed, results);
    }
}
