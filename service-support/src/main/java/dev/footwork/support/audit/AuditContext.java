package dev.footwork.support.audit;

import jakarta.enterprise.context.RequestScoped;
import java.util.LinkedHashSet;
import java.util.Set;

/** The patients the current request reads or changes, noted as the request meets them. */
@RequestScoped
public class AuditContext {

    private final Set<String> patients = new LinkedHashSet<>();

    void note(String patientRef) {
        if (patientRef != null) {
            patients.add(patientRef);
        }
    }

    Set<String> patients() {
        return Set.copyOf(patients);
    }
}
