package cn.tongyi.core.finance;

import cn.tongyi.core.event.EventSubscribers;
import cn.tongyi.core.plugin.PluginHost;
import cn.tongyi.plugin.api.DomainEvent;
import cn.tongyi.tenant.registry.BranchCode;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.ArrayList;
import java.util.List;

/**
 * A subscriber to MonthClosed in the test branches named {@value #PREFIX}…, beside the installed plugins, so that the
 * tests see the outbox rows closing a month writes; every other event goes to the plugins alone.
 */
@Alternative
@Priority(1)
@ApplicationScoped
class MonthClosedProbe implements EventSubscribers {

    static final String PREFIX = "mclosed";
    static final String SUBSCRIBER = "month-closed-probe";

    private final PluginHost plugins;

    MonthClosedProbe(PluginHost plugins) {
        this.plugins = plugins;
    }

    @Override
    public List<String> of(BranchCode branch, String type) {
        List<String> subscribers = new ArrayList<>(plugins.of(branch, type));
        if (type.equals(DomainEvent.MONTH_CLOSED) && branch.value().startsWith(PREFIX)) {
            subscribers.add(SUBSCRIBER);
        }
        return subscribers;
    }
}
