package cn.tongyi.core.member;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What a level unlocks in this branch (R-MEMBER-6); a member enjoys the benefits of every level up to theirs. */
@Entity
@Table(name = "level_benefit")
public class LevelBenefit extends PanacheEntityBase {

    @Id
    public Integer level;

    @Column(name = "benefits_zh", nullable = false)
    public String benefitsZh;

    @Column(name = "benefits_en", nullable = false)
    public String benefitsEn;
}
