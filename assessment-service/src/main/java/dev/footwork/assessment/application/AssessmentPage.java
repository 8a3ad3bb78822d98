package dev.footwork.assessment.application;

import java.util.List;

/** One page of a patient's assessments, newest first. */
public record AssessmentPage(
        List<AssessmentView> items, int page, int size, long totalItems, long totalPages) {}
