package dev.footwork.support.tenancy;

import jakarta.enterprise.context.RequestScoped;

/**
 * The clinic whose data the current unit of work may touch, when it does not come from a bearer
 * token: consumers set it from the event they apply ({@link Tenancy#run}).
 */
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
