package dev.footwork.exercise.domain;

import dev.footwork.contracts.vocabulary.BandColour;
import dev.footwork.contracts.vocabulary.ExerciseId;
import dev.footwork.contracts.vocabulary.Side;
import java.util.List;
import java.util.Map;

/**
 * One exercise of the catalogue, written for the patient.
 *
 * @param instructions numbered steps, first to last
 * @param tempo how to move, e.g. how slowly to lower
 * @param band where the band is anchored and which way it pulls each foot, null without a band
 */
public record Exercise(
        ExerciseId id,
        String name,
        String purpose,
        List<String> equipment,
        List<String> instructions,
        int holdSeconds,
        String tempo,
        Dosage defaultDosage,
        List<String> cautions,
        Band band) {

    /** Sets, repetitions and hold when a plan gives nothing else. */
    public record Dosage(int sets, int reps, int holdSeconds) {}

    /**
     * How a band exercise is set up. The text describes the right foot; the left foot is its mirror
     * image, so the pull direction swaps.
     */
    public record Band(String anchor, Map<Side, String> pull, BandColour startColour) {}
}
