package cn.tongyi.core.plugin;

import cn.tongyi.plugin.api.BusinessTime;
import cn.tongyi.web.BusinessClock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** The platform's business clock, as plugins read it. */
record ClockTime(BusinessClock clock) implements BusinessTime {

    @Override
    public OffsetDateTime now() {
        return clock.now();
    }

    @Override
    public LocalDate today() {
        return clock.today();
    }

    @Override
    public ZoneId zone() {
        return BusinessClock.ZONE;
    }
}
