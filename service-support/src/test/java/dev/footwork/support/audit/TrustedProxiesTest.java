package dev.footwork.support.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    @Test
    void withoutForwardingEveryAddressIsThePeersAndAnyListWillDo() {
        assertThat(TrustedProxies.refusal(false, Optional.empty())).isEmpty();
        assertThat(TrustedProxies.refusal(false, Optional.of(List.of("10.0.0.0/8")))).isEmpty();
    }

    @Test
    void forwardingNeedsTheGatewaysAddresses() {
        assertThat(TrustedProxies.refusal(true, Optional.of(List.of("10.0.0.0/8", "::1/128"))))
                .isEmpty();
        assertThat(TrustedProxies.refusal(true, Optional.empty()))
                .hasValueSatisfying(
                        reason ->
                                assertThat(reason).contains("quarkus.http.proxy.trusted-proxies"));
        assertThat(TrustedProxies.refusal(true, Optional.of(List.of(" ")))).isPresent();
    }
}
