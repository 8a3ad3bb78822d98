package dev.footwork.exercise.domain;

/**
 * A clinician's adjustment that cannot be applied to the plan as it stands.
 *
 * @param index position of the offending change in the request, from 0
 * @param field the field of that change at fault
 */
public final class InvalidAdjustment extends RuntimeException {

    private final int index;
    private final String field;

    public InvalidAdjustment(int index, String field, String message) {
        super(message);
        this.index = index;
        this.field = field;
    }

    public int index() {
        return index;
    }

    public String field() {
        return field;
    }
}
