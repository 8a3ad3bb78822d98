package dev.footwork.progress.persistence;

import dev.footwork.progress.domain.Flag;
import dev.footwork.progress.domain.PainTrend;
import dev.footwork.progress.domain.ProgressSnapshot;
import dev.footwork.support.persistence.ArrayStatement;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.annotations.TenantId;

/**
 * One plan's progress row: the lock every change to the plan's progress takes, its last activity,
 * and the figures of the last evaluation, which the worklist sorts and pages by.
 */
@Entity
@Table(name = "plan_progress")
@IdClass(PlanKey.class)
public class PlanProgress extends PanacheEntityBase {

    /** The clinic (tenant); Hibernate filters every query and load by it. */
    @Id
    @TenantId
    @Column(name = "clinic_id")
    public String clinicId;

    @Id
    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "patient_ref")
    public String patientRef;

    @Column(name = "last_activity_at")
    public Instant lastActivityAt;

    @Column(name = "current_week")
    public Integer currentWeek;

    @Column(name = "adherence_percent")
    public BigDecimal adherencePercent;

    @Column(name = "adherence_7d_percent")
    public BigDecimal adherenceLast7DaysPercent;

    @Column(name = "max_pain")
    public int maxPain;

    @Column(name = "pain_trend")
    public String painTrend;

    /** Comma-separated {@code Flag} names. */
    public String flags;

    @Column(name = "risk_score")
    public int riskScore;

    @Column(name = "next_reassessment_on")
    public LocalDate nextReassessmentOn;

    @Column(name = "evaluated_at")
    public Instant evaluatedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /**
     * When the plan next needs evaluating: when its figures can next change by time alone, or at
     * once after a change; a lease ahead while a pass has it claimed; null when it is not active.
     */
    @Column(name = "due_at")
    public Instant dueAt;

    /** A worklist line: the progress row and its plan's status. */
    public record WorklistRow(PlanProgress progress, String planStatus) {}

    private static final String CURRENT =
            " from PlanProgress p join KnownPlan v on v.clinicId = p.clinicId and v.planId ="
                    + " p.planId"
                    + " where v.status in ('ACTIVE', 'PAUSED')";

    /** One page of the clinic's current plans, highest risk first. */
    public static List<WorklistRow> worklist(int page, int size) {
        return getEntityManager()
                .createQuery(
                        "select p, v.status"
                                + CURRENT
                                + " order by p.riskScore desc,"
                                + " p.adherenceLast7DaysPercent asc nulls last, p.patientRef",
                        Object[].class)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList()
                .stream()
                .map(row -> new WorklistRow((PlanProgress) row[0], (String) row[1]))
                .toList();
    }

    /** How many current plans the clinic has. */
    public static long countCurrent() {
        return getEntityManager()
                .createQuery("select count(p)" + CURRENT, Long.class)
                .getSingleResult();
    }

    /**
     * The plan's row in its clinic, created by whichever of its events comes first, locked for
     * update until the transaction ends; another clinic's plan of the same id has a row of its own.
     * A row this transaction has locked already is taken from its persistence context, without a
     * statement. Run as the clinic: the tenant filter shows no other clinic's row.
     */
    public static PlanProgress lock(UUID planId, String clinicId, String patientRef) {
        PlanKey key = new PlanKey(clinicId, planId);
        PlanProgress row = findById(key, LockModeType.PESSIMISTIC_WRITE);
        if (row != null) {
            return row;
        }
        getEntityManager()
                .createNativeQuery(
                        "insert into plan_progress (plan_id, clinic_id, patient_ref, updated_at)"
                                + " values (?1, ?2, ?3, now()) on conflict (clinic_id, plan_id) do"
                                + " nothing")
                .setParameter(1, planId)
                .setParameter(2, clinicId)
                .setParameter(3, patientRef)
                // the insert reads no pending change: the transaction's changes wait for its end
                .setFlushMode(FlushModeType.COMMIT)
                .executeUpdate();
        row = findById(key, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            throw new IllegalStateException(
                    "plan " + planId + " of " + clinicId + " locked outside its clinic's session");
        }
        return row;
    }

    /**
     * Claims up to {@code limit} plans of every clinic due by {@code now}, the longest due first,
     * by moving their due time to {@code leaseUntil}; rows another transaction holds are skipped,
     * so passes of several replicas never claim the same plan. Run it in a transaction of its own
     * as {@code Tenancy.NO_CLINIC}: the native query is not filtered by clinic.
     */
    public static List<Due> claimDue(Instant now, Instant leaseUntil, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                getEntityManager()
                        .createNativeQuery(
                                "update plan_progress set due_at = ?1 where (clinic_id, plan_id) in"
                                        + " (select clinic_id, plan_id from plan_progress where due_at"
                                        + " <= ?2 order by due_at limit ?3 for update skip locked)"
                                        + " returning clinic_id, plan_id, patient_ref")
                        .setParameter(1, leaseUntil)
                        .setParameter(2, now)
                        .setParameter(3, limit)
                        .getResultList();
        return rows.stream()
                .map(row -> new Due(new PlanKey((String) row[0], (UUID) row[1]), (String) row[2]))
                .toList();
    }

    /** A plan claimed by an evaluation pass, with its patient (whose lock its evaluation takes). */
    public record Due(PlanKey key, String patientRef) {}

    /**
     * The rows of several plans of the caller's clinic, locked for update until the transaction
     * ends, by plan id; missing ones (erased meanwhile) are absent.
     */
    public static Map<UUID, PlanProgress> lockAll(Collection<UUID> planIds) {
        Map<UUID, PlanProgress> rows = new HashMap<>();
        PlanProgress.<PlanProgress>find("planId in ?1", planIds)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list()
                .forEach(row -> rows.put(row.planId, row));
        return rows;
    }

    /**
     * The rows of several plans of the caller's clinic (plan id to the patient a row it lacks is
     * created for), locked for update until the transaction ends: the existing ones in one
     * statement, the missing ones created in one more and then locked, as {@link #lock} does.
     */
    public static Map<UUID, PlanProgress> lockAll(String clinicId, Map<UUID, String> patients) {
        Map<UUID, PlanProgress> rows = lockAll(patients.keySet());
        if (rows.size() == patients.size()) {
            return rows;
        }
        List<UUID> missing = new ArrayList<>();
        List<String> theirPatients = new ArrayList<>();
        patients.forEach(
                (planId, patientRef) -> {
                    if (!rows.containsKey(planId)) {
                        missing.add(planId);
                        theirPatients.add(patientRef);
                    }
                });
        ArrayStatement.on(
                        getEntityManager(),
                        "insert into plan_progress (clinic_id, plan_id,"
                                + " patient_ref, updated_at) select ?, p, r,"
                                + " now() from unnest(?::uuid[], ?::text[])"
                                + " as missing(p, r) on conflict (clinic_id,"
                                + " plan_id) do nothing")
                .param(clinicId)
                .array("uuid", missing.toArray(UUID[]::new))
                .array("text", theirPatients.toArray(String[]::new))
                .execute();
        rows.putAll(lockAll(missing));
        if (rows.size() != patients.size()) {
            throw new IllegalStateException(
                    "plans of " + clinicId + " locked outside its clinic's session");
        }
        return rows;
    }

    /** Makes the plan due by {@code at} at the latest: its figures changed. */
    public void dueBy(Instant at) {
        if (dueAt == null || at.isBefore(dueAt)) {
            dueAt = at;
        }
    }

    /** Keeps the figures of a snapshot that the worklist sorts and shows. */
    public void keep(ProgressSnapshot snapshot, Instant evaluatedAt) {
        currentWeek = snapshot.currentWeek();
        adherencePercent = decimal(snapshot.adherencePercent());
        adherenceLast7DaysPercent = decimal(snapshot.adherenceLast7DaysPercent());
        maxPain = snapshot.maxPain();
        painTrend = snapshot.painTrend().name();
        flags = snapshot.flags().stream().map(Flag::name).collect(Collectors.joining(","));
        riskScore = snapshot.riskScore();
        nextReassessmentOn = snapshot.nextReassessmentOn();
        this.evaluatedAt = evaluatedAt;
    }

    public Set<Flag> flagSet() {
        Set<Flag> set = EnumSet.noneOf(Flag.class);
        if (!flags.isEmpty()) {
            Arrays.stream(flags.split(",")).map(Flag::valueOf).forEach(set::add);
        }
        return set;
    }

    public PainTrend trend() {
        return PainTrend.valueOf(painTrend);
    }

    private static BigDecimal decimal(Double value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }
}
