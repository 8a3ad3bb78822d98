package dev.footwork.assessment.domain;

import dev.footwork.contracts.vocabulary.Side;
import dev.footwork.support.application.FieldError;
import dev.footwork.support.application.InstantRange;
import dev.footwork.support.application.Rejected;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The checks an assessment's measurements pass before they are classified, the same for a REST
 * request and for an event of the measurements topic: taken no later than now and not before 1900
 * ({@link InstantRange}), one or two feet, each side at most once, and each foot {@linkplain
 * FootInput#errors() sound}.
 */
public final class Measurements {

    /** The code of the refusal: the dead-letter cause of a refused event. */
    public static final String INVALID = "invalid-measurements";

    private Measurements() {}

    /**
     * @param now the service clock's time
     * @throws Rejected naming each field at fault ({@code assessedAt}, {@code feet[1].side}...)
     */
    public static void check(Instant assessedAt, List<FootInput> feet, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (assessedAt == null) {
            errors.add(new FieldError("assessedAt", "must not be null"));
        } else if (assessedAt.isAfter(now)) {
            errors.add(new FieldError("assessedAt", "must not be in the future"));
        } else {
            InstantRange.check("assessedAt", assessedAt).ifPresent(errors::add);
        }
        if (feet.isEmpty()) {
            errors.add(new FieldError("feet", "give one or two feet"));
        }
        Set<Side> seen = EnumSet.noneOf(Side.class);
        for (int i = 0; i < feet.size(); i++) {
            String prefix = "feet[" + i + "].";
            FootInput foot = feet.get(i);
            if (!seen.add(foot.side())) {
                errors.add(new FieldError(prefix + "side", foot.side() + " foot is given twice"));
            }
            foot.errors().forEach(error -> errors.add(error.under(prefix)));
        }
        if (!errors.isEmpty()) {
            throw new Rejected(INVALID, errors);
        }
    }
}
