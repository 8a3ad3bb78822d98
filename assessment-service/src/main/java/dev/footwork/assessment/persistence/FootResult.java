package dev.footwork.assessment.persistence;

import dev.footwork.contracts.vocabulary.PostureLevel;
import dev.footwork.contracts.vocabulary.Side;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;

/** One foot's measures and classification, stored with its assessment. */
@Embeddable
public class FootResult {

    @Enumerated(EnumType.STRING)
    public Side side;

    /** The tenant, repeated here so that every row carries it. */
    @Column(name = "clinic_id")
    public String clinicId;

    /** The six FPI-6 item scores, comma-separated in manual order, when given. */
    @Column(name = "fpi_items")
    public String fpiItems;

    @Column(name = "fpi_total")
    public Integer fpiTotal;

    @Column(name = "navicular_drop_mm")
    public BigDecimal navicularDropMm;

    @Column(name = "calcaneal_stance_degrees")
    public BigDecimal calcanealStanceDegrees;

    @Column(name = "running_eversion_degrees")
    public BigDecimal runningEversionDegrees;

    @Column(name = "arch_height_index")
    public BigDecimal archHeightIndex;

    @Enumerated(EnumType.STRING)
    public PostureLevel level;

    public BigDecimal confidence;

    /** The deciding measures, comma-separated. */
    @Column(name = "decided_by")
    public String decidedBy;

    /** One explanation sentence per line. */
    public String explanation;

    /** Each measure's value, vote, threshold and whether it decided, as a JSON array. */
    public String evidence;
}
