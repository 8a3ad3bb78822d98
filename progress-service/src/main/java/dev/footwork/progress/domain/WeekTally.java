package dev.footwork.progress.domain;

/**
 * What one plan week holds for one exercise on one foot: the sessions prescribed and the running
 * totals of the sessions done, folded one completion at a time.
 *
 * @param week the plan week, from 1
 * @param prescribed sessions the plan asks for in that week
 * @param volume sum over sessions of sets x reps x hold seconds
 * @param painAbove sessions whose pain was above the pain limit
 */
public record WeekTally(
        int week,
        ExerciseSide exercise,
        int prescribed,
        int completed,
        long totalReps,
        long volume,
        long painSum,
        int painMax,
        int painAbove) {

    /** A week with nothing done yet. */
    public static WeekTally empty(int week, ExerciseSide exercise, int prescribed) {
        return new WeekTally(week, exercise, prescribed, 0, 0, 0, 0, 0, 0);
    }

    /** The tally with one more session. */
    public WeekTally plus(Session session, int painLimit) {
        return new WeekTally(
                week,
                exercise,
                prescribed,
                completed + 1,
                totalReps + session.totalReps(),
                volume + session.volume(),
                painSum + session.pain(),
                Math.max(painMax, session.pain()),
                painAbove + (session.pain() > painLimit ? 1 : 0));
    }

    /** Sessions done that count towards adherence: never more than prescribed. */
    public int credited(int prescribedSoFar) {
        return Math.min(completed, prescribedSoFar);
    }
}
