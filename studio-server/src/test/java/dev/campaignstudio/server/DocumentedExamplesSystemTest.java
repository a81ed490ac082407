package dev.campaignstudio.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.EmbeddedSystemTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The examples the README points at are accepted by the service as written. */
class DocumentedExamplesSystemTest extends EmbeddedSystemTest {

    @Test
    void everyExampleTheReadmeSubmitsIsAccepted() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        String readme = Files.readString(root.resolve("README.md"));
        Set<String> examples = new LinkedHashSet<>();
        Matcher matcher = Pattern.compile("-d @(docs/examples/[\\w.-]+\\.json)").matcher(readme);
        while (matcher.find()) {
            examples.add(matcher.group(1));
        }
        assertThat(examples).as("the README submits a documented example").isNotEmpty();
        for (String example : examples) {
            String body = Files.readString(root.resolve(example));
            ApiClient.Response first = api.postJson("/v1/jobs", body);
            assertThat(first.status()).as(example + ": " + first.body()).isIn(200, 201);
            ApiClient.Response again = api.postJson("/v1/jobs", body);
            assertThat(again.status()).as("posting the example twice replays it").isEqualTo(200);
            String id = again.json().get("id").asString();
            assertThat(api.get("/v1/jobs/" + id).status()).isEqualTo(200);
        }
    }
}
