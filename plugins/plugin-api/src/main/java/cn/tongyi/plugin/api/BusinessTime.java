package cn.tongyi.plugin.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** The platform's business clock: days begin and end in its zone (Asia/Shanghai); tests move it. */
public interface BusinessTime {

    OffsetDateTime now();

    LocalDate today();

    ZoneId zone();
}
