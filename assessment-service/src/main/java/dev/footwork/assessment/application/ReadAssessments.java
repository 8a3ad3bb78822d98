package dev.footwork.assessment.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footwork.assessment.persistence.Assessment;
import dev.footwork.support.application.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Reads the caller's clinic's assessments: one by id, or a patient's, newest first. */
@ApplicationScoped
public class ReadAssessments {

    private final ObjectMapper mapper;

    ReadAssessments(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @throws NotFound when the clinic has no such assessment
     */
    @Transactional
    public AssessmentView one(UUID id) {
        return AssessmentView.of(
                Assessment.byId(id).orElseThrow(() -> new NotFound("assessment " + id)), mapper);
    }

    @Transactional
    public AssessmentPage ofPatient(String patientRef, int page, int size) {
        long total = Assessment.countOf(patientRef);
        return new AssessmentPage(
                Assessment.pageOf(patientRef, page, size).stream()
                        .map(a -> AssessmentView.of(a, mapper))
                        .toList(),
                page,
                size,
                total,
                (total + size - 1) / size);
    }
}
