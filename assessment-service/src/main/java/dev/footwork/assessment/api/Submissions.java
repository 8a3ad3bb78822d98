package dev.footwork.assessment.api;

import dev.footwork.assessment.domain.FootInput;
import dev.footwork.assessment.persistence.AssessmentRecorder;
import dev.footwork.contracts.vocabulary.Side;
import dev.footwork.support.api.ProblemException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Turns a validated request into what the recorder stores, whichever way it arrived. */
public final class Submissions {

    private Submissions() {}

    /** Also refuses a foot given twice, which annotations cannot express. */
    public static AssessmentRecorder.Submission of(String clinicId, NewAssessment body) {
        Set<Side> seen = EnumSet.noneOf(Side.class);
        for (int i = 0; i < body.feet().size(); i++) {
            Side side = body.feet().get(i).side();
            if (!seen.add(side)) {
                throw ProblemException.invalidField(
                        "feet[" + i + "].side", side + " foot is given twice");
            }
        }
        List<FootInput> feet =
                body.feet().stream()
                        .map(
                                f ->
                                        new FootInput(
                                                f.side(),
                                                f.fpiItems(),
                                                f.fpiTotal(),
                                                f.navicularDropMm(),
                                                f.calcanealStanceDegrees(),
                                                f.peakRearfootEversionDegrees(),
                                                f.archHeightIndex()))
                        .toList();
        NewAssessment.RunningContext context = body.runningContext();
        return new AssessmentRecorder.Submission(
                clinicId,
                body.patientRef(),
                body.assessedAt(),
                body.assessor(),
                context == null ? null : context.weeklyDistanceKm(),
                context == null || context.shoeType() == null ? null : context.shoeType().name(),
                body.notes(),
                feet);
    }
}
