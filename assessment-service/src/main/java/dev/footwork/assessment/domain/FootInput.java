package dev.footwork.assessment.domain;

import dev.footwork.contracts.vocabulary.Side;
import dev.footwork.support.application.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The measures of one foot that the classifier reads, whichever way they arrived (REST or the
 * measurements topic). Every measure is optional. The ranges are checked where the input arrives
 * (the request's annotations, the event's JSON Schema); {@link #errors()} holds the checks that
 * only the measures as a whole can answer, which both ways share.
 *
 * @param fpiItems the six FPI-6 item scores (each -2..+2), or null
 * @param fpiTotal the FPI-6 total (-12..+12), or null; when both are given they must agree
 * @param navicularDropMm navicular drop in millimetres, or null
 * @param calcanealStanceDegrees resting calcaneal stance position in degrees, positive when everted
 *     (valgus), negative when inverted (varus), or null
 * @param peakRearfootEversionDegrees peak rearfoot eversion while running, in degrees, or null
 * @param archHeightIndex arch height index (a ratio), or null; stored and shown, never classified
 */
public record FootInput(
        Side side,
        List<Integer> fpiItems,
        Integer fpiTotal,
        BigDecimal navicularDropMm,
        BigDecimal calcanealStanceDegrees,
        BigDecimal peakRearfootEversionDegrees,
        BigDecimal archHeightIndex) {

    /** Said when a foot has nothing to classify on. */
    public static final String NOT_MEASURED =
            "give at least one of fpiItems, fpiTotal, navicularDropMm,"
                    + " calcanealStanceDegrees, peakRearfootEversionDegrees";

    /** Said when the FPI-6 items and total disagree. */
    public static final String INCONSISTENT = "the FPI-6 total must equal the sum of the items";

    /** The sum of the FPI-6 items when they are present, else the given total, else null. */
    public Integer effectiveFpiTotal() {
        if (fpiItems != null && !fpiItems.isEmpty()) {
            return fpiItems.stream().mapToInt(Integer::intValue).sum();
        }
        return fpiTotal;
    }

    /**
     * Whether the foot has anything the classifier can decide on: FPI-6 or one of the three
     * secondary measures. The arch height index alone is not enough, as it has no agreed cut-offs.
     */
    public boolean hasClassifyingMeasure() {
        return effectiveFpiTotal() != null
                || navicularDropMm != null
                || calcanealStanceDegrees != null
                || peakRearfootEversionDegrees != null;
    }

    /**
     * What keeps this foot from being classified and stored: no classifying measure, FPI-6 items
     * and total that disagree, or a measure with more decimals than is kept. Fields are named as
     * the request names them ({@code measured}, {@code consistent}, {@code navicularDropMm}...).
     */
    public List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>();
        if (!hasClassifyingMeasure()) {
            errors.add(new FieldError("measured", NOT_MEASURED));
        }
        if (fpiItems != null
                && fpiTotal != null
                && fpiItems.stream().noneMatch(Objects::isNull)
                && fpiItems.stream().mapToInt(Integer::intValue).sum() != fpiTotal) {
            errors.add(new FieldError("consistent", INCONSISTENT));
        }
        decimals(errors, "navicularDropMm", navicularDropMm, 1);
        decimals(errors, "calcanealStanceDegrees", calcanealStanceDegrees, 1);
        decimals(errors, "peakRearfootEversionDegrees", peakRearfootEversionDegrees, 1);
        decimals(errors, "archHeightIndex", archHeightIndex, 3);
        return errors;
    }

    private static void decimals(
            List<FieldError> errors, String field, BigDecimal value, int most) {
        if (value != null && value.stripTrailingZeros().scale() > most) {
            errors.add(
                    new FieldError(
                            field, "at most " + most + (most == 1 ? " decimal" : " decimals")));
        }
    }
}
