package cn.tongyi.core.plugin;

import cn.tongyi.core.jdbc.PlainSql;
import cn.tongyi.plugin.api.BranchIncomePort;
import cn.tongyi.plugin.api.PluginProblem;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.BusinessClock;

/** A plugin's income records in the branch's cash book (R-FIN-1), once per reference. */
class PluginIncome implements BranchIncomePort {

    private final PlainSql sql;
    private final BusinessClock clock;
    private final BranchCode branch;
    private final String actor;

    PluginIncome(PlainSql sql, BusinessClock clock, BranchCode branch, String actor) {
        this.sql = sql;
        this.clock = clock;
        this.branch = branch;
        this.actor = actor;
    }

    @Override
    public boolean record(Source source, long amountFen, String reference, String description) {
        if (amountFen <= 0) {
            throw PluginProblem.unprocessable("invalid-amount", "Income is a positive amount of fen");
        }
        return sql.update("INSERT INTO " + branch.schemaName() + """
                .branch_income (source, amount_fen, reference, description, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (reference) DO NOTHING""",
                source.name(), amountFen, reference, description, actor, clock.now()) == 1;
    }
}
