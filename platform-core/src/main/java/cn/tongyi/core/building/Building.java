package cn.tongyi.core.building;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A residential building of a branch: where members live and stewards work; its position serves matching. */
@Entity
@Table(name = "building")
public class Building extends PanacheEntityBase {

    private static final double EARTH_RADIUS_METRES = 6_371_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public int units;

    @Column(nullable = false)
    public BigDecimal latitude;

    @Column(nullable = false)
    public BigDecimal longitude;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** Great-circle distance, good enough between buildings of one neighbourhood. */
    public long metresTo(Building other) {
        double lat1 = Math.toRadians(latitude.doubleValue());
        double lat2 = Math.toRadians(other.latitude.doubleValue());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(other.longitude.doubleValue() - longitude.doubleValue());
        double a = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        return Math.round(2 * EARTH_RADIUS_METRES * Math.asin(Math.sqrt(a)));
    }
}
