package dev.footwork.progress.domain;

import dev.footwork.contracts.events.ExerciseId;
import dev.footwork.contracts.events.Side;

/** One exercise on one foot: the unit prescriptions and adherence are counted in. */
public record ExerciseSide(ExerciseId exerciseId, Side side) {}
