package dev.footwork.progress.persistence;

import java.io.Serializable;
import java.util.UUID;

/**
 * The primary key of a plan's rows ({@link KnownPlan}, {@link PlanProgress}): the plan id is chosen
 * by whoever published the plan, so it is unique within its clinic only. The clinic is part of the
 * entity's id, not only its {@code @TenantId}, so that Hibernate's updates name it too.
 */
public record PlanKey(String clinicId, UUID planId) implements Serializable {}
