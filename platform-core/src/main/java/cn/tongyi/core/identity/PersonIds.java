package cn.tongyi.core.identity;

import cn.tongyi.web.ApiProblem;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Translates between the opaque public id the API shows for a person and the internal bigint id the tables join on.
 * The pair never changes once a person exists, so both directions are remembered (bounded); a miss costs one query
 * on the platform schema, outside Hibernate, so it never binds a session to the request.
 */
@ApplicationScoped
public class PersonIds {

    private static final int CAPACITY = 50_000;

    private final AgroalDataSource dataSource;
    private final Cache<UUID, Long> internal = Caffeine.newBuilder().maximumSize(CAPACITY).build();
    private final Cache<Long, UUID> published = Caffeine.newBuilder().maximumSize(CAPACITY).build();

    PersonIds(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The internal id of a public id, if such a person exists. */
    public Optional<Long> internalId(UUID publicId) {
        Long known = internal.getIfPresent(publicId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Long> found = query("SELECT id, public_id FROM platform.person WHERE public_id = ?", publicId)
                .keySet().stream().findFirst();
        found.ifPresent(id -> remember(id, publicId));
        return found;
    }

    /** The internal id of a person named in a request; 404 {@code person-not-found} when there is none. */
    public long require(UUID publicId) {
        return internalId(publicId).orElseThrow(() -> notFound(publicId));
    }

    /** The public id of an existing person. */
    public UUID publicId(long id) {
        UUID known = published.getIfPresent(id);
        if (known != null) {
            return known;
        }
        return Optional.ofNullable(query("SELECT id, public_id FROM platform.person WHERE id = ?", id).get(id))
                .map(found -> {
                    remember(id, found);
                    return found;
                })
                .orElseThrow(() -> new IllegalStateException("No person " + id));
    }

    /** Public ids of many persons at once (null ids map to nothing). */
    public Map<Long, UUID> publicIds(Collection<Long> ids) {
        Map<Long, UUID> result = new HashMap<>();
        ids.stream().filter(id -> id != null).distinct().forEach(id -> result.put(id, publicId(id)));
        return result;
    }

    private void remember(long id, UUID publicId) {
        internal.put(publicId, id);
        published.put(id, publicId);
    }

    private Map<Long, UUID> query(String sql, Object parameter) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            Map<Long, UUID> rows = new HashMap<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.put(row.getLong(1), row.getObject(2, UUID.class));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read platform.person", e);
        }
    }

    public static ApiProblem notFound(UUID publicId) {
        return ApiProblem.notFound("person-not-found", "No person " + publicId);
    }
}
