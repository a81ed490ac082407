package dev.campaignstudio.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.EmbeddedSystemTest;
import dev.campaignstudio.server.support.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The examples the README points at are accepted by the service as written, once {@code ASSET_ID} is replaced by an
 * uploaded sample photo as the README does. (That the creation example then builds the identity is shown by
 * {@code CreationFlowSystemTest}.)
 */
class DocumentedExamplesSystemTest extends EmbeddedSystemTest {

    @Test
    void everyExampleTheReadmeSubmitsIsAccepted() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        String readme = Files.readString(root.resolve("README.md"));
        Set<String> examples = new LinkedHashSet<>();
        Matcher matcher = Pattern.compile("(docs/examples/[\\w.-]+\\.json)").matcher(readme);
        while (matcher.find()) {
            examples.add(matcher.group(1));
        }
        assertThat(examples).as("the README submits a documented example").isNotEmpty();
        String asset = Samples.upload(api, "front.jpg", Samples.photo("aurora-bottle", "front.jpg"))
                .substring("asset:".length());
        for (String example : examples) {
            String body = Files.readString(root.resolve(example)).replace("ASSET_ID", asset);
            ApiClient.Response first = api.postJson("/v1/jobs", body);
            assertThat(first.status()).as(example + ": " + first.body()).isIn(200, 201);
            ApiClient.Response again = api.postJson("/v1/jobs", body);
            assertThat(again.status())
                    .as("posting the example twice replays it")
                    .isEqualTo(200);
            String id = again.json().get("id").asString();
            assertThat(api.get("/v1/jobs/" + id).status()).isEqualTo(200);
        }
    }
}
