package dev.footwork.progress.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * progress-service behind a trusted gateway, which is the test's own address (127.0.0.1), with an
 * audit trail that fails closed. One profile for both, so Quarkus restarts once for their tests.
 */
public class StrictEdgeProfile implements QuarkusTestProfile {

    /** The address the tests' requests come from, trusted as the gateway here. */
    public static final String GATEWAY = "127.0.0.1";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.allow-x-forwarded", "true",
                "quarkus.http.proxy.trusted-proxies", GATEWAY,
                "footwork.audit.fail-closed", "true");
    }
}
