package dev.campaignstudio.providers.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.campaignstudio.core.capability.LipSync.LipSyncRequest;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.ProviderCalls;
import dev.campaignstudio.core.capability.SpeechSynthesis.Speech;
import dev.campaignstudio.core.capability.StepFault;
import dev.campaignstudio.core.capability.VideoGeneration.VideoRequest;
import dev.campaignstudio.core.engine.CancellationSignal;
import dev.campaignstudio.core.engine.StepJournal;
import dev.campaignstudio.providers.contract.FakeReplicate;
import dev.campaignstudio.providers.contract.FakeVendor;
import dev.campaignstudio.providers.contract.VendorContract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every request the {@code replicate} adapter sends keeps to Replicate's published OpenAPI document (trimmed copy in
 * {@code contracts/replicate}); it reads every prediction status the document lists, {@code aborted} included.
 */
class ReplicateContractTest {

    private final FakeReplicate vendor = new FakeReplicate(input -> "mp4".getBytes(StandardCharsets.UTF_8), 2);

    @AfterEach
    void close() {
        vendor.close();
        ProviderCalls.drain();
    }

    private ReplicateAdapter adapter() {
        return ReplicateFixtures.adapter(vendor.url(), Map.of("video", "acme/img2vid:v1", "lip_sync", "acme/lips:v2"));
    }

    private static byte[] png() throws IOException {
        return ReplicateFixtures.png();
    }

    private static VideoRequest video() throws IOException {
        return ReplicateFixtures.video(9);
    }

    @Test
    void videoAndLipSyncPredictionsKeepToTheDocument() throws Exception {
        ReplicateAdapter adapter = adapter();
        assertThat(adapter.animate(video()).data()).isEqualTo("mp4".getBytes(StandardCharsets.UTF_8));
        byte[] wav = new byte[64];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, wav, 0, 4);
        adapter.animate(new LipSyncRequest(
                new Speech(new MediaFile(wav, "audio/wav", null, null, 1000L), List.of(), List.of()),
                64,
                64,
                10,
                List.of("#315544"),
                4,
                png()));

        assertThat(vendor.created()).isEqualTo(2);
        assertThat(vendor.vendor().problems()).isEmpty();
        List<FakeVendor.Request> created = vendor.vendor().requests("POST", "/predictions");
        assertThat(created.get(1).json().path("version").asString()).isEqualTo("acme/lips:v2");
        assertThat(created.get(1).json().path("input").path("audio").asString()).startsWith("data:audio/wav;base64,");
    }

    @Test
    void aFieldTheDocumentDoesNotKnowFailsTheCheck() {
        VendorContract replicate = VendorContract.REPLICATE;
        String good = "{\"version\":\"acme/img2vid:v1\",\"input\":{\"seed\":1}}";
        assertThat(replicate.requestProblems("POST", "/v1/predictions", "application/json", good.getBytes()))
                .isEmpty();
        assertThat(replicate.requestProblems(
                        "POST",
                        "/v1/predictions",
                        "application/json",
                        good.replace("\"input\"", "\"webhook_url\":\"https://x\",\"input\"")
                                .getBytes()))
                .isNotEmpty();
        assertThat(replicate.requestProblems(
                        "POST", "/v1/predictions", "application/json", "{\"input\":{}}".getBytes()))
                .isNotEmpty();
        assertThat(replicate.requestProblems("POST", "/v1/predictions/p1/cancel", null, new byte[0]))
                .isEmpty();
        assertThat(replicate.requestProblems("DELETE", "/v1/predictions/p1", null, new byte[0]))
                .isNotEmpty();
        JsonNode partial = JsonMapper.builder().build().readTree("{\"id\":\"p1\",\"status\":\"starting\"}");
        assertThat(replicate.responseProblems("GET", "/predictions/{prediction_id}", 200, partial))
                .as("a prediction without the fields the document requires")
                .isNotEmpty();
    }

    @Test
    void anAbortedPredictionIsAProviderErrorAndANotedOneThatEndedIsReplaced() throws Exception {
        vendor.vendor()
                .on("GET", "/predictions/{prediction_id}", request -> FakeVendor.json(200, aborted(request.path())));
        StepJournal journal = StepJournal.inMemory();
        StepFault aborted;
        try (CancellationSignal.Binding bound = StepJournal.bind(journal)) {
            aborted = catchThrowableOfType(StepFault.class, () -> adapter().animate(video()));
        }
        assertThat(aborted.code()).isEqualTo("PROVIDER_ERROR");
        assertThat(aborted.getMessage()).contains("aborted");
        List<Map<String, Object>> opened = journal.read().stream()
                .filter(note -> "remote_job".equals(note.get("kind")))
                .toList();
        assertThat(opened).hasSize(1);
        Object first = opened.get(0).get("request_id");
        long polledBefore = polls(first);
        assertThat(journal.read())
                .as("an ended prediction is closed with a second note")
                .anyMatch(note -> "remote_job_closed".equals(note.get("kind")) && first.equals(note.get("request_id")));

        try (CancellationSignal.Binding bound = StepJournal.bind(journal)) {
            catchThrowableOfType(StepFault.class, () -> adapter().animate(video()));
        }
        assertThat(vendor.created())
                .as("an ended prediction without output is not taken up again")
                .isEqualTo(2);
        assertThat(polls(first)).as("a closed prediction is not even asked for").isEqualTo(polledBefore);

        // an attempt that noted its prediction but crashed before it closed it: the next asks for it and replaces it
        StepJournal crashed = StepJournal.inMemory();
        crashed.write(opened.get(0));
        try (CancellationSignal.Binding bound = StepJournal.bind(crashed)) {
            catchThrowableOfType(StepFault.class, () -> adapter().animate(video()));
        }
        assertThat(polls(first)).as("the noted prediction is asked for").isEqualTo(polledBefore + 1);
        assertThat(vendor.created()).isEqualTo(3);
        assertThat(crashed.read())
                .anyMatch(note -> "remote_job_closed".equals(note.get("kind")) && first.equals(note.get("request_id")));
        assertThat(vendor.vendor().problems()).isEmpty();
    }

    private long polls(Object id) {
        return vendor.vendor().requests("GET", "/predictions/{prediction_id}").stream()
                .filter(request -> request.path().equals("/v1/predictions/" + id))
                .count();
    }

    private Map<String, Object> aborted(String path) {
        String id = path.substring("/v1/predictions/".length());
        Map<String, Object> tree = new java.util.LinkedHashMap<>();
        tree.put("id", id);
        tree.put("model", "acme/img2vid");
        tree.put("version", "v1");
        tree.put("input", Map.of());
        tree.put("output", null);
        tree.put("data_removed", false);
        tree.put("error", null);
        tree.put("status", "aborted");
        tree.put("created_at", java.time.Instant.now().toString());
        String base = vendor.url() + "/v1/predictions/" + id;
        tree.put("urls", Map.of("get", base, "cancel", base + "/cancel", "web", "https://replicate.com/p/" + id));
        return tree;
    }
}
