package cn.tongyi.core.notification;

import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.core.jdbc.PlainSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;

/** Puts messages into inboxes, once per dedupe key however often it is asked. */
@ApplicationScoped
public class Inbox {

    /** A message for one person, delivered once per dedupe key. */
    public record Message(long personId, String kind, String title, String body, String dedupeKey) {
    }

    private final EntityManager em;
    private final PlainSql sql;

    Inbox(EntityManager em, PlainSql sql) {
        this.em = em;
        this.sql = sql;
    }

    /** Many messages into a branch's inboxes in one statement (a dividend's notices to every member); how many were new. */
    public int deliverAll(BranchCode branch, List<Message> messages, OffsetDateTime at) {
        return sql.update("INSERT INTO " + branch.schemaName() + """
                .notification (person_id, kind, title, body, dedupe_key, created_at)
                SELECT m.*, ?::timestamptz FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[]) AS m
                ON CONFLICT (dedupe_key) DO NOTHING""", at,
                messages.stream().mapToLong(Message::personId).toArray(),
                messages.stream().map(Message::kind).toArray(String[]::new),
                messages.stream().map(Message::title).toArray(String[]::new),
                messages.stream().map(Message::body).toArray(String[]::new),
                messages.stream().map(Message::dedupeKey).toArray(String[]::new));
    }

    /** Into the person's inbox in the current branch. True if the message was new. */
    public boolean deliver(Long personId, String kind, String title, String body, String dedupeKey,
            OffsetDateTime at) {
        return insert("notification", personId, kind, title, body, dedupeKey, at);
    }

    /** Into the person's inbox in a branch named explicitly, from a request that acts elsewhere or nowhere. */
    public boolean deliverIn(BranchCode branch, Long personId, String kind, String title, String body,
            String dedupeKey, OffsetDateTime at) {
        return insert(branch.schemaName() + ".notification", personId, kind, title, body, dedupeKey, at);
    }

    private boolean insert(String table, Long personId, String kind, String title, String body, String dedupeKey,
            OffsetDateTime at) {
        return em.createNativeQuery("INSERT INTO " + table + """
                 (person_id, kind, title, body, dedupe_key, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (dedupe_key) DO NOTHING""")
                .setParameter(1, personId).setParameter(2, kind).setParameter(3, title).setParameter(4, body)
                .setParameter(5, dedupeKey).setParameter(6, at)
                .executeUpdate() == 1;
    }
}
