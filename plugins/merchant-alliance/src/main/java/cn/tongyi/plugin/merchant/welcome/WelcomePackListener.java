package cn.tongyi.plugin.merchant.welcome;

import cn.tongyi.plugin.api.DomainEvent;
import cn.tongyi.plugin.api.DomainEventListener;
import cn.tongyi.plugin.api.PluginContext;
import java.util.Set;
import java.util.UUID;
import org.pf4j.Extension;

/** R-MEMBER-2: a member who registers in a branch gets the merchants' joint welcome pack there. */
@Extension
public class WelcomePackListener implements DomainEventListener {

    @Override
    public Set<String> eventTypes() {
        return Set.of(DomainEvent.MEMBER_REGISTERED);
    }

    @Override
    public void on(DomainEvent event, PluginContext context) {
        String memberId = event.attribute("memberId");
        if (memberId == null) {
            throw new IllegalArgumentException("A " + event.type() + " event names its member: event " + event.id());
        }
        new WelcomePacks(context).record(event.id(), UUID.fromString(memberId));
    }
}
