package dev.campaignstudio.server.callback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.fixtures.CallbackFixtures;
import dev.campaignstudio.core.fixtures.StandardWebhooksOracle;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Java verification example in docs/callbacks.md, compiled and run as written. */
class VerificationExampleTest {

    private static Method verify;

    @BeforeAll
    static void compileTheDocumentedExample() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "callbacks.md"));
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(block.find()).as("docs/callbacks.md has a Java example").isTrue();
        Path dir = Files.createTempDirectory("verifier");
        Path source = dir.resolve("WebhookVerifier.java");
        Files.writeString(source, block.group(1));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler.run(null, null, null, "-d", dir.toString(), source.toString()))
                .as("the example compiles")
                .isZero();
        URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()});
        verify = loader.loadClass("WebhookVerifier")
                .getMethod("verify", String.class, String.class, String.class, String.class, byte[].class);
    }

    private static boolean verify(String secret, String id, long timestamp, String signature, byte[] body)
            throws Exception {
        return (boolean) verify.invoke(null, secret, id, Long.toString(timestamp), signature, body);
    }

    private static String sign(String id, long timestamp, byte[] body) {
        return StandardWebhooksOracle.sign(CallbackFixtures.SECRET, id, timestamp, body);
    }

    @Test
    void aGenuineFreshCallbackVerifies() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        byte[] body = "{\"event_id\":\"evt_1\",\"sequence\":1}".getBytes(StandardCharsets.UTF_8);
        assertThat(verify(CallbackFixtures.SECRET, "evt_1", now, sign("evt_1", now, body), body))
                .isTrue();
    }

    @Test
    void aTamperedBodyFails() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        byte[] body = "{\"event_id\":\"evt_1\",\"sequence\":1}".getBytes(StandardCharsets.UTF_8);
        String signature = sign("evt_1", now, body);
        byte[] tampered = "{\"event_id\":\"evt_1\",\"sequence\":2}".getBytes(StandardCharsets.UTF_8);
        assertThat(verify(CallbackFixtures.SECRET, "evt_1", now, signature, tampered))
                .isFalse();
        assertThat(verify(CallbackFixtures.SECRET, "evt_2", now, signature, body))
                .as("another id")
                .isFalse();
    }

    @Test
    void anOldTimestampFailsEvenWithItsOwnValidSignature() throws Exception {
        long old = System.currentTimeMillis() / 1000 - 600;
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        assertThat(verify(CallbackFixtures.SECRET, "evt_1", old, sign("evt_1", old, body), body))
                .isFalse();
    }

    @Test
    void anotherSecretFails() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        assertThat(verify("whsec_c29tZSBvdGhlciBzZWNyZXQga2V5IQ==", "evt_1", now, sign("evt_1", now, body), body))
                .isFalse();
    }
}
