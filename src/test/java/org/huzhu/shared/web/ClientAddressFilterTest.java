package org.huzhu.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which address a request is logged and limited under, with and behind a reverse proxy. */
class ClientAddressFilterTest {

    private final ClientAddressFilter behindProxies = new ClientAddressFilter(List.of("10.0.0.5", " 10.0.0.6 "));
    private final ClientAddressFilter direct = new ClientAddressFilter(List.of());

    @Test
    void aClientCannotChooseItsAddressWithoutATrustedProxy() {
        assertThat(direct.clientOf("198.51.100.7", "203.0.113.9")).isEqualTo("198.51.100.7");
        assertThat(behindProxies.clientOf("198.51.100.7", "203.0.113.9")).isEqualTo("198.51.100.7");
    }

    @Test
    void behindATrustedProxyTheClientIsTheLastAddressNotAddedByATrustedProxy() {
        assertThat(behindProxies.clientOf("10.0.0.5", "203.0.113.9")).isEqualTo("203.0.113.9");
        // a forged first hop is ignored: the trusted proxy appended the address it saw
        assertThat(behindProxies.clientOf("10.0.0.5", "1.2.3.4, 203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(behindProxies.clientOf("10.0.0.5", "203.0.113.9, 10.0.0.6")).isEqualTo("203.0.113.9");
        assertThat(behindProxies.clientOf("10.0.0.5", null)).isEqualTo("10.0.0.5");
        assertThat(behindProxies.clientOf("10.0.0.5", " , ")).isEqualTo("10.0.0.5");
    }
}
