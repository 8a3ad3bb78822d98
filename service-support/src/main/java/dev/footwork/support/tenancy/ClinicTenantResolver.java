package dev.footwork.support.tenancy;

import dev.footwork.contracts.PatientKey;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Tells Hibernate which clinic's rows a session sees and writes ({@code @TenantId} columns): the
 * clinic of the event being applied, else the {@code clinic_id} of the caller's bearer token, else
 * a clinic that does not exist, so that nothing is visible by accident.
 */
@PersistenceUnitExtension
@RequestScoped
@IfBuildProperty(name = "quarkus.hibernate-orm.multitenant", stringValue = "DISCRIMINATOR")
public class ClinicTenantResolver implements TenantResolver {

    /** The tenant of work that names no clinic: no row carries it. */
    public static final String NO_CLINIC = "-";

    private final TenantScope scope;
    private final Instance<JsonWebToken> token;

    ClinicTenantResolver(TenantScope scope, Instance<JsonWebToken> token) {
        this.scope = scope;
        this.token = token;
    }

    @Override
    public String getDefaultTenantId() {
        return NO_CLINIC;
    }

    @Override
    public String resolveTenantId() {
        if (scope.clinicId() != null) {
            return scope.clinicId();
        }
        if (token.isResolvable()) {
            Object clinic = token.get().getClaim("clinic_id");
            if (clinic instanceof String id && PatientKey.isToken(id)) {
                return id;
            }
        }
        return NO_CLINIC;
    }
}
