package dev.steward.notices.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The guard that keeps customers' webhook URLs off the provider's own network. */
class WebhookChannelTest {

    @Test
    void loopbackPrivateLinkLocalAndUniqueLocalAddressesArePrivate() {
        for (String host : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
                "[::1]", "::1", "fd00::1", "fe80::1", "224.0.0.1", "no-such-host.invalid")) {
            assertThat(WebhookChannel.resolvesPrivately(host)).as(host).isTrue();
        }
        for (String host : List.of("93.184.216.34", "8.8.8.8", "2001:4860:4860::8888")) {
            assertThat(WebhookChannel.resolvesPrivately(host)).as(host).isFalse();
        }
    }

    @Test
    void anAttemptAtAPrivateAddressFailsBeforeAnyConnection() {
        WebhookChannel guarded = new WebhookChannel(Duration.ofSeconds(1), false, Clock.systemUTC());
        assertThatThrownBy(() -> guarded.post("http://127.0.0.1:9/hook", "msg_1", List.of("whsec_AAAA"), "{}"))
                .isInstanceOfSatisfying(DeliveryFailed.class, e -> assertThat(e.kind()).isEqualTo("private-address"));
    }
}
