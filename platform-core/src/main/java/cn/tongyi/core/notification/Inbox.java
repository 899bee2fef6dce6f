package cn.tongyi.core.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;

/** Puts messages into inboxes, once per dedupe key however often it is asked. */
@ApplicationScoped
public class Inbox {

    private final EntityManager em;

    Inbox(EntityManager em) {
        this.em = em;
    }

    /** True if the message was new. */
    public boolean deliver(Long personId, String kind, String title, String body, String dedupeKey,
            OffsetDateTime at) {
        return em.createNativeQuery("""
                INSERT INTO notification (person_id, kind, title, body, dedupe_key, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (dedupe_key) DO NOTHING""")
                .setParameter(1, personId).setParameter(2, kind).setParameter(3, title).setParameter(4, body)
                .setParameter(5, dedupeKey).setParameter(6, at)
                .executeUpdate() == 1;
    }
}
