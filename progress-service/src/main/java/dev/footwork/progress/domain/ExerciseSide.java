package dev.footwork.progress.domain;

import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.contracts.vocabulary.Side;

/** One exercise on one foot: the unit prescriptions and adherence are counted in. */
public record ExerciseSide(ExerciseId exerciseId, Side side) {}
