package dev.campaignstudio.server.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.EmbeddedSystemTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The actuator on a port of its own bound to loopback, as docs/operations.md ("Operations endpoints") tells operators
 * to run it for a Prometheus agent on the same host: there health and metrics answer without a token, the API port no
 * longer serves {@code /actuator/**} (even to an admin) and still asks for tokens on {@code /v1}, and the management
 * port listens on 127.0.0.1 only.
 */
@Import(ManagementPortSystemTest.ManagementServer.class)
class ManagementPortSystemTest extends EmbeddedSystemTest {

    @LocalManagementPort
    int managementPort;

    @Autowired
    ManagementServer managementServer;

    @DynamicPropertySource
    static void managementPort(DynamicPropertyRegistry registry) {
        registry.add("management.server.port", () -> "0");
        registry.add("management.server.address", () -> "127.0.0.1");
    }

    @Test
    void theManagementPortServesHealthAndMetricsWithoutAToken() {
        assertThat(managementPort).isPositive().isNotEqualTo(port);
        ApiClient agent = new ApiClient(managementPort, null);

        ApiClient.Response health = agent.withoutToken("GET", "/actuator/health", null);
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(agent.withoutToken("GET", "/actuator/health/readiness", null).status())
                .isEqualTo(200);

        ApiClient.Response metrics = agent.withoutToken("GET", "/actuator/prometheus", null);
        assertThat(metrics.status()).as(metrics.body()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).startsWith("text/plain");
        assertThat(metrics.body())
                .as("Prometheus text with a studio metric (docs/operations.md, \"Metrics\")")
                .contains("# TYPE studio_queue_ready gauge")
                .contains("studio_queue_ready{queue=\"marketing\"");
    }

    @Test
    void theApiPortNoLongerServesTheActuatorButStillAsksForTokens() {
        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/health")) {
            ApiClient.Response admin = api.get(path);
            assertThat(admin.status()).as(path + ": " + admin.body()).isEqualTo(404);
            assertThat(admin.header("Content-Type")).startsWith("application/problem+json");
            assertThat(admin.json().get("code").asString()).isEqualTo("NOT_FOUND");
        }
        assertThat(api.withoutToken("GET", "/actuator/prometheus", null).status())
                .as("closed by default: no token, no answer about the path")
                .isEqualTo(401);

        ApiClient.Response anonymous = api.withoutToken("GET", "/v1/jobs", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("code").asString()).isEqualTo("UNAUTHORIZED");
        assertThat(api.get("/v1/jobs").status()).isEqualTo(200);
    }

    @Test
    void theManagementPortServesNeitherTheApiNorTheConsoleAndOnlyReadsWhatTheDocsList() {
        ApiClient agent = new ApiClient(managementPort, null);
        assertThat(agent.withoutToken("GET", "/v1/jobs", null).status()).isEqualTo(403);
        assertThat(new ApiClient(managementPort, TOKEN).get("/v1/jobs").status())
                .isEqualTo(403);
        assertThat(agent.withoutToken("GET", "/console/jobs", null).status()).isEqualTo(403);
        // an endpoint beyond health, info, metrics and prometheus (were an operator to expose it) is refused here
        assertThat(agent.withoutToken("GET", "/actuator/env", null).status()).isEqualTo(403);
        assertThat(agent.withoutToken("GET", "/actuator/heapdump", null).status())
                .isEqualTo(403);
        assertThat(agent.withoutToken("POST", "/actuator/prometheus", "{}").status())
                .isEqualTo(403);
        assertThat(agent.withoutToken("POST", "/v1/jobs", "{}").status()).isEqualTo(403);
    }

    @Test
    void theManagementPortListensOnLoopbackOnly() throws IOException {
        TomcatWebServer server = managementServer.server.get();
        assertThat(server).as("the management server started").isNotNull();
        assertThat(server.getPort()).isEqualTo(managementPort);
        InetAddress bound =
                ((AbstractProtocol<?>) server.getTomcat().getConnector().getProtocolHandler()).getAddress();
        assertThat(bound).isEqualTo(InetAddress.getByName("127.0.0.1"));

        List<InetAddress> others = nonLoopbackAddresses();
        for (InetAddress other : others) {
            assertThatThrownBy(() -> {
                        try (Socket socket = new Socket()) {
                            socket.connect(new InetSocketAddress(other, managementPort), 2_000);
                        }
                    })
                    .as("the management port from %s", other)
                    .isInstanceOf(IOException.class);
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), managementPort), 2_000);
            assertThat(socket.isConnected()).isTrue();
        }
    }

    private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(ManagementPortSystemTest::up)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .toList();
    }

    private static boolean up(NetworkInterface network) {
        try {
            return network.isUp();
        } catch (SocketException e) {
            return false;
        }
    }

    /** Holds the management port's web server (its own child context, namespace {@code management}) once started. */
    static class ManagementServer implements ApplicationListener<WebServerInitializedEvent> {

        final AtomicReference<TomcatWebServer> server = new AtomicReference<>();

        @Override
        public void onApplicationEvent(WebServerInitializedEvent event) {
            if ("management".equals(event.getApplicationContext().getServerNamespace())
                    && event.getWebServer() instanceof TomcatWebServer tomcat) {
                server.set(tomcat);
            }
        }
    }
}
