package dev.campaignstudio.core.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignstudio.core.fixtures.StandardWebhooksOracle;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** The test vector published with the Standard Webhooks specification. */
    @Test
    void matchesTheStandardWebhooksTestVector() {
        byte[] key = WebhookSignature.key("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        String signature = WebhookSignature.sign(
                key,
                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));
        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void theOracleWrittenFromTheSpecMatchesTheTestVectorToo() {
        String header = StandardWebhooksOracle.sign(
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));
        assertThat(header).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void verificationRejectsAnythingChanged() {
        byte[] key = WebhookSignature.key("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        String header = WebhookSignature.sign(key, "evt_1", 1700000000, body);
        assertThat(WebhookSignature.verify(key, "evt_1", 1700000000, body, "v1,bogus " + header))
                .isTrue();
        assertThat(WebhookSignature.verify(key, "evt_2", 1700000000, body, header))
                .isFalse();
        assertThat(WebhookSignature.verify(key, "evt_1", 1700000001, body, header))
                .isFalse();
        assertThat(WebhookSignature.verify(
                        key, "evt_1", 1700000000, "{\"a\":2}".getBytes(StandardCharsets.UTF_8), header))
                .isFalse();
    }

    @Test
    void secretsMustBeStandardWebhooksSecretsAndAreNeverEchoed() {
        assertThatThrownBy(() -> WebhookSignature.key("plain-secret-value"))
                .hasMessageNotContaining("plain-secret-value");
        assertThatThrownBy(() -> WebhookSignature.key("whsec_!!!notbase64")).hasMessageNotContaining("notbase64");
        assertThatThrownBy(() -> WebhookSignature.key("whsec_AAAA")).hasMessageContaining("16 bytes");
    }
}
