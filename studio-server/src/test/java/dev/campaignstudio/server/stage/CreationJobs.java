package dev.campaignstudio.server.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.Downloads;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import tools.jackson.databind.JsonNode;

/** Submits creation jobs and checks what they made, for the embedded and distributed creation tests. */
final class CreationJobs {

    static final List<String> STAGES =
            List.of("neutral_image", "metadata", "character_sheet", "link_metadata", "storyboard_seeds", "emit");

    private final ApiClient api;

    CreationJobs(ApiClient api) {
        this.api = api;
    }

    /** Submits a creation job for {@code product}; returns its id. */
    String submit(Map<String, Object> product) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("contract_version", 2);
        tree.put("job_type", "marketing_creation");
        tree.put("idempotency_key", "creation-" + UUID.randomUUID());
        tree.put("product", product);
        ApiClient.Response created = api.postJson("/v1/jobs", tree);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** Waits for the job to end; returns it. */
    JsonNode finished(String id) {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> List.of("succeeded", "failed", "cancelled")
                        .contains(api.get("/v1/jobs/" + id).json().get("status").asString()));
        return api.get("/v1/jobs/" + id).json();
    }

    /** The latest attempt of {@code stage}. */
    static JsonNode step(JsonNode job, String stage) {
        JsonNode found = null;
        for (JsonNode step : job.get("steps")) {
            if (step.get("stage").asString().equals(stage)) {
                found = step;
            }
        }
        assertThat(found).as("a step of " + stage).isNotNull();
        return found;
    }

    /** Status of the latest attempt of each stage, in pipeline order. */
    static Map<String, String> statuses(JsonNode job) {
        Map<String, String> statuses = new LinkedHashMap<>();
        for (JsonNode step : job.get("steps")) {
            statuses.put(step.get("stage").asString(), step.get("status").asString());
        }
        return statuses;
    }

    /** Downloads and decodes an image asset. */
    BufferedImage image(String assetId) {
        HttpResponse<byte[]> response = api.getBytes("/v1/assets/" + assetId);
        assertThat(response.statusCode()).isEqualTo(200);
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
            assertThat(image).as("asset " + assetId + " decodes as an image").isNotNull();
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The job's {@code completed} event. */
    JsonNode completedEvent(String id) {
        JsonNode events = api.get("/v1/jobs/" + id + "/events").json().get("items");
        for (JsonNode event : events) {
            if (event.get("type").asString().equals("completed")) {
                return event;
            }
        }
        throw new AssertionError("job " + id + " has no completed event: " + events);
    }

    /**
     * Checks a finished creation job: every stage done, the neutral image a transparent cut-out, the character sheet a
     * 16:9 image, and the identity in the completed event with the files' URLs. Returns the identity.
     */
    JsonNode assertIdentity(String id, JsonNode job, boolean withLink) {
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(statuses(job).keySet())
                .containsExactlyElementsOf(
                        withLink
                                ? STAGES
                                : STAGES.stream()
                                        .filter(s -> !s.equals("link_metadata"))
                                        .toList());
        JsonNode identity =
                completedEvent(id).get("data").get("manifest").get("result").get("identity");
        String neutral = identity.get("neutral_image").get("asset_id").asString();
        BufferedImage cutOut = image(neutral);
        assertThat(cutOut.getColorModel().hasAlpha())
                .as("the neutral image is a cut-out with transparency")
                .isTrue();
        assertThat(cutOut.getRGB(0, 0) >>> 24).as("its corner is transparent").isLessThan(16);
        assertThat(identity.get("neutral_image").get("url").asString()).isEqualTo("/v1/assets/" + neutral);
        BufferedImage sheet =
                image(identity.get("character_sheet").get("asset_id").asString());
        assertThat(sheet.getWidth() * 9).isEqualTo(sheet.getHeight() * 16);
        assertThat(identity.get("metadata").get("palette").size()).isPositive();
        assertThat(identity.get("storyboard_seeds").size()).isBetween(3, 5);
        assertThat(identity.get("link_facts").isNull()).isEqualTo(!withLink);
        JsonNode outputs = job.get("manifest").get("outputs");
        assertThat(outputs.size())
                .as("the cut-out and the sheet are the job's outputs")
                .isEqualTo(2);
        outputs.forEach(Downloads::assertServedWithoutToken);
        for (JsonNode step : job.get("steps")) {
            JsonNode assets = step.get("outputs").get("assets");
            if (assets != null) {
                for (JsonNode asset : assets) {
                    image(asset.get("asset_id").asString());
                }
            }
        }
        return identity;
    }
}
