package dev.footwork.progress.application;

import dev.footwork.progress.domain.ProgressSnapshot.WeekFigures;
import java.util.List;
import java.util.UUID;

/**
 * A plan's figures week by week, one entry for every plan week and any week after it with sessions.
 */
public record WeeklySeries(UUID planId, String patientRef, List<WeekFigures> weeks) {}
