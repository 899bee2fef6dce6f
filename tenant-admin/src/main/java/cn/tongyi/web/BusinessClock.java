package cn.tongyi.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Business time: days begin and end in Asia/Shanghai wherever the server runs. One bean, so that rules about dates
 * (expiry, birthdays, the 5th of the month) read the same clock, and tests can move it.
 */
@ApplicationScoped
public class BusinessClock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    protected Clock clock() {
        return Clock.system(ZONE);
    }

    public LocalDate today() {
        return LocalDate.now(clock());
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock());
    }
}
