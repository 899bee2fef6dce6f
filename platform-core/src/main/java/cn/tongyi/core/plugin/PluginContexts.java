package cn.tongyi.core.plugin;

import cn.tongyi.core.identity.PersonIds;
import cn.tongyi.core.jdbc.PlainSql;
import cn.tongyi.core.ledger.LedgerService;
import cn.tongyi.core.member.HomeMembers;
import cn.tongyi.plugin.api.AllianceView;
import cn.tongyi.plugin.api.BranchIncomePort;
import cn.tongyi.plugin.api.BusinessTime;
import cn.tongyi.plugin.api.Caller;
import cn.tongyi.plugin.api.LedgerPort;
import cn.tongyi.plugin.api.Logins;
import cn.tongyi.plugin.api.MemberDirectory;
import cn.tongyi.plugin.api.PluginContext;
import cn.tongyi.plugin.api.PluginSql;
import cn.tongyi.plugin.api.SettingsView;
import cn.tongyi.tenant.access.TransactionSearchPath;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Makes the context a plugin gets with a call: its branch, its caller, and the ports bound to both. */
@ApplicationScoped
class PluginContexts {

    private final PlainSql sql;
    private final TransactionSearchPath searchPath;
    private final LedgerService ledger;
    private final PersonIds personIds;
    private final HomeMembers homeMembers;
    private final PluginEnablements enablements;
    private final BusinessClock clock;

    PluginContexts(PlainSql sql, TransactionSearchPath searchPath, LedgerService ledger,
            PersonIds personIds, HomeMembers homeMembers, PluginEnablements enablements, BusinessClock clock) {
        this.sql = sql;
        this.searchPath = searchPath;
        this.ledger = ledger;
        this.personIds = personIds;
        this.homeMembers = homeMembers;
        this.enablements = enablements;
        this.clock = clock;
    }

    PluginContext forCall(InstalledPlugin plugin, BranchCode branch, Optional<Caller> caller,
            PluginEnablements.InCall state) {
        String actor = caller.map(Caller::username).orElse("plugin:" + plugin.id());
        return new PluginContext() {
            @Override
            public String pluginId() {
                return plugin.id();
            }

            @Override
            public String branch() {
                return branch.value();
            }

            @Override
            public Optional<Caller> caller() {
                return caller;
            }

            @Override
            public SettingsView settings() {
                return new StoredSettings(plugin.settings(), state.settings());
            }

            @Override
            public BusinessTime time() {
                return new ClockTime(clock);
            }

            @Override
            public PluginSql sql() {
                return new BranchSchemaSql(sql, searchPath, branch);
            }

            @Override
            public LedgerPort ledger() {
                return new PluginLedger(ledger, personIds, plugin.id(), branch, state.branchActive(), actor);
            }

            @Override
            public MemberDirectory members() {
                return new PluginMembers(personIds, homeMembers, clock);
            }

            @Override
            public BranchIncomePort income() {
                return new PluginIncome(sql, clock, branch, actor);
            }

            @Override
            public Logins logins() {
                return new PluginLogins(branch, actor);
            }

            @Override
            public AllianceView alliance() {
                return new PluginAlliance(enablements, sql, searchPath, plugin.id());
            }
        };
    }
}
