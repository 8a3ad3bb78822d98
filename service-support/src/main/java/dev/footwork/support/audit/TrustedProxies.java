package dev.footwork.support.audit;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Keeps the audit trail's client addresses honest: the address recorded is the peer's, unless
 * Quarkus's proxy forwarding ({@code quarkus.http.proxy.*}) is on and the peer is one of the {@code
 * trusted-proxies}, when it is the client address that proxy forwarded. Quarkus trusts every peer
 * when forwarding is on and no list is given, so a service with forwarding on and no list refuses
 * to start: anyone who can reach the port could then write the address of their choice.
 */
@ApplicationScoped
class TrustedProxies {

    static final String FORWARDING = "quarkus.http.proxy.proxy-address-forwarding";
    static final String TRUSTED = "quarkus.http.proxy.trusted-proxies";

    void check(@Observes StartupEvent started) {
        Config config = ConfigProvider.getConfig();
        refusal(
                        config.getOptionalValue(FORWARDING, Boolean.class).orElse(false),
                        config.getOptionalValues(TRUSTED, String.class))
                .ifPresent(
                        reason -> {
                            throw new IllegalStateException(reason);
                        });
    }

    /** Why these settings must not run, if they must not. */
    static Optional<String> refusal(boolean forwarding, Optional<List<String>> trusted) {
        boolean listed = trusted.map(t -> t.stream().anyMatch(p -> !p.isBlank())).orElse(false);
        if (forwarding && !listed) {
            return Optional.of(
                    FORWARDING
                            + "=true without "
                            + TRUSTED
                            + " would take Forwarded and X-Forwarded-For from any peer: list the"
                            + " gateway's addresses (IP or CIDR) in "
                            + TRUSTED);
        }
        return Optional.empty();
    }
}
