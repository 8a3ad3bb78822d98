package dev.footwork.support.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footwork.contracts.EventJson;
import dev.footwork.contracts.vocabulary.PlanContent;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.hibernate.annotations.Immutable;

/**
 * The one way a plan's content is stored: as the same JSON its events carry, in a text column
 * ({@code @Convert(converter = PlanContentConverter.class)}). The content is a value, never changed
 * in place (a revision stores a new one): Hibernate neither copies it when it loads a row nor
 * writes it to JSON again at every flush to see whether it changed.
 */
@Converter
@Immutable
public class PlanContentConverter implements AttributeConverter<PlanContent, String> {

    private static final ObjectMapper JSON = EventJson.newMapper();

    @Override
    public String convertToDatabaseColumn(PlanContent content) {
        try {
            return content == null ? null : JSON.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise plan content", e);
        }
    }

    @Override
    public PlanContent convertToEntityAttribute(String json) {
        try {
            return json == null ? null : JSON.readValue(json, PlanContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored plan content is unreadable", e);
        }
    }
}
