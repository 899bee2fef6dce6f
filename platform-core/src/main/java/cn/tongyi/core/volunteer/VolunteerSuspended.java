package cn.tongyi.core.volunteer;

import java.util.UUID;

/** Fired in the suspending transaction (R-VOL-3): whatever was offered to the volunteer must be withdrawn with it. */
public record VolunteerSuspended(UUID memberId) {
}
