package dev.footwork.support.tenancy;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.RequestScoped;

/**
 * The clinic whose data the current unit of work may touch, when it does not come from a bearer
 * token: consumers set it from the event they apply ({@link Tenancy#run}).
 */
// looked up programmatically by Tenancy, so it must survive unused-bean removal
@Unremovable
@RequestScoped
public class TenantScope {

    private String clinicId;

    public String clinicId() {
        return clinicId;
    }

    void clinicId(String clinicId) {
        this.clinicId = clinicId;
    }
}
