package dev.footwork.support.api;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;

import dev.footwork.support.application.InstantRange;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

/**
 * The instant of a request lies in {@link InstantRange} (the years 1900 to 9999); null passes, as
 * {@code @NotNull} says whether one is required. Every {@link Instant} of a request body carries
 * it, so that none reaches a query or a column it does not fit; an instant read by hand from a
 * query parameter is checked with {@link InstantRange#require}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Constraint(validatedBy = InstantInRange.Validator.class)
public @interface InstantInRange {

    String message() default InstantRange.MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks an instant against {@link InstantRange}. */
    class Validator implements ConstraintValidator<InstantInRange, Instant> {

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return value == null || InstantRange.contains(value);
        }
    }
}
