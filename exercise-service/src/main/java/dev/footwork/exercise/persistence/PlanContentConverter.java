package dev.footwork.exercise.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footwork.contracts.EventJson;
import dev.footwork.contracts.vocabulary.PlanContent;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a plan's content as the same JSON its events carry. */
@Converter
public class PlanContentConverter implements AttributeConverter<PlanContent, String> {

    private static final ObjectMapper JSON = EventJson.newMapper();

    @Override
    public String convertToDatabaseColumn(PlanContent content) {
        try {
            return JSON.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise plan content", e);
        }
    }

    @Override
    public PlanContent convertToEntityAttribute(String json) {
        try {
            return JSON.readValue(json, PlanContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored plan content is unreadable", e);
        }
    }
}
