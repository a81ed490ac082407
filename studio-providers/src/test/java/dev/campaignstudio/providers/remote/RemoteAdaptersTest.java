package dev.campaignstudio.providers.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import dev.campaignstudio.core.capability.Box;
import dev.campaignstudio.core.capability.CameraMove;
import dev.campaignstudio.core.capability.ImageGeneration;
import dev.campaignstudio.core.capability.ImageGeneration.ImageRequest;
import dev.campaignstudio.core.capability.ImageGeneration.SceneImage;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.ProviderCalls;
import dev.campaignstudio.core.capability.SpeechSynthesis;
import dev.campaignstudio.core.capability.StepFault;
import dev.campaignstudio.core.capability.TempFiles;
import dev.campaignstudio.core.capability.VideoGeneration.VideoRequest;
import dev.campaignstudio.core.contract.Aspect;
import dev.campaignstudio.core.contract.Presentation;
import dev.campaignstudio.core.contract.Style;
import dev.campaignstudio.core.engine.CancellationSignal;
import dev.campaignstudio.core.engine.StepStopped;
import dev.campaignstudio.core.outbound.AddressRules;
import dev.campaignstudio.providers.LoopbackServer;
import dev.campaignstudio.providers.http.GuardedHttpClient;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAI- and Replicate-compatible adapters against a real HTTP server on loopback that speaks each protocol as
 * documented: every success path, and the failures a remote provider has (429 with Retry-After, 500 then success, a
 * hung response, malformed JSON, a failed prediction, an output URL at a private address, a provider that keeps
 * failing); no error message carries the key.
 */
class RemoteAdaptersTest {

    @TempDir
    java.nio.file.Path downloadDir;

    private static final String KEY = "sk-test-SECRET-0123456789";

    private final LoopbackServer server = new LoopbackServer();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        server.close();
        ProviderCalls.drain();
    }

    private ProviderClient client(String name, Map<String, String> models, int attempts, Duration readTimeout) {
        ProviderSettings settings = new ProviderSettings(
                name,
                server.url(""),
                KEY,
                models,
                Duration.ofSeconds(2),
                readTimeout,
                2,
                attempts,
                Duration.ofMillis(100),
                Duration.ofSeconds(30),
                3,
                Duration.ofMinutes(1));
        return new ProviderClient(settings, java.time.Clock.systemUTC(), waits::add);
    }

    private OpenAiAdapter openai(int attempts) {
        return new OpenAiAdapter(
                client("openai", Map.of("image", "gpt-image-1", "audio", "tts-1"), attempts, Duration.ofSeconds(2)),
                new Layouts(),
                null,
                null,
                true);
    }

    private void recorded(HttpExchange exchange) throws IOException {
        bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1));
        authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    private static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB), "png", out);
        return out.toByteArray();
    }

    private static String imagesAnswer(int width, int height) throws IOException {
        return "{\"created\":1,\"data\":[{\"b64_json\":\"" + Base64.getEncoder().encodeToString(png(width, height))
                + "\"}]}";
    }

    private static ImageRequest request() throws IOException {
        return new ImageRequest(
                png(40, 60),
                List.of("#14828c"),
                "Stay cool",
                "Summer launch",
                Aspect.PORTRAIT_9_16,
                1920,
                Style.STUDIO,
                Presentation.PRODUCT_ONLY,
                7,
                0.3,
                null);
    }

    @Test
    void anImageIsAnEditOfTheProductReferenceWithTheKeyInTheHeaderOnly() throws Exception {
        String answer = imagesAnswer(1024, 1536);
        server.route("/v1/images/edits", exchange -> {
            recorded(exchange);
            LoopbackServer.send(exchange, 200, "application/json", answer.getBytes(StandardCharsets.UTF_8));
        });

        SceneImage scene = openai(3).generate(request());

        assertThat(scene.image().width()).isEqualTo(1024);
        assertThat(scene.image().height()).isEqualTo(1536);
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(scene.image().data())))
                .isNotNull();
        String body = bodies.get(0);
        assertThat(body)
                .contains("name=\"model\"\r\n\r\ngpt-image-1")
                .contains("name=\"size\"\r\n\r\n1024x1536")
                .contains("Summer launch")
                .contains("Stay cool")
                .contains("name=\"image\"; filename=\"product.png\"");
        assertThat(body)
                .as("the reference image goes with the edit")
                .contains(new String(request().productPng(), StandardCharsets.ISO_8859_1));
        assertThat(authorizations.get(0)).isEqualTo("Bearer " + KEY);
        assertThat(body).doesNotContain(KEY);
        List<ProviderCalls.Call> calls = ProviderCalls.drain();
        assertThat(calls).singleElement().satisfies(c -> {
            assertThat(c.provider()).isEqualTo("openai");
            assertThat(c.model()).isEqualTo("gpt-image-1");
            assertThat(c.operation()).isEqualTo("images/edits");
            assertThat(c.attempts()).isEqualTo(1);
            assertThat(c.outcome()).isEqualTo("ok");
        });
    }

    @Test
    void generationsAndSpeechSpeakTheirEndpoints() throws Exception {
        String answer = imagesAnswer(1024, 1024);
        server.route("/v1/images/generations", exchange -> {
            recorded(exchange);
            LoopbackServer.send(exchange, 200, "application/json", answer.getBytes(StandardCharsets.UTF_8));
        });
        byte[] wav = wav(16000, 8000);
        server.route("/v1/audio/speech", exchange -> {
            recorded(exchange);
            LoopbackServer.send(exchange, 200, "audio/wav", wav);
        });
        OpenAiAdapter generations = new OpenAiAdapter(
                client("openai", Map.of(), 1, Duration.ofSeconds(2)), new Layouts(), null, null, false);

        assertThat(generations.generate(request()).image().width()).isEqualTo(1024);
        assertThat(bodies.get(0)).contains("\"model\":\"gpt-image-1\"").contains("\"size\":\"1024x1536\"");
        SpeechSynthesis.Speech speech =
                openai(1).speak(new SpeechSynthesis.SpeechRequest("Cold for a whole day.", "default", "en"));
        assertThat(speech.wav().durationMs()).isEqualTo(500);
        assertThat(speech.words()).extracting(t -> t.text()).containsExactly("Cold", "for", "a", "whole", "day.");
        assertThat(speech.words().get(speech.words().size() - 1).endMs()).isEqualTo(500);
        assertThat(bodies.get(1))
                .contains("\"input\":\"Cold for a whole day.\"")
                .contains("\"response_format\":\"wav\"");
    }

    @Test
    void a429IsWaitedOutAsItsRetryAfterSaysAndA500IsRetried() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String answer = imagesAnswer(1024, 1536);
        server.route("/v1/images/edits", exchange -> {
            recorded(exchange);
            int n = calls.incrementAndGet();
            if (n == 1) {
                exchange.getResponseHeaders().add("Retry-After", "2");
                LoopbackServer.send(
                        exchange, 429, "application/json", "{\"error\":{\"message\":\"slow down\"}}".getBytes());
            } else if (n == 2) {
                LoopbackServer.send(exchange, 500, "application/json", "{\"error\":{\"message\":\"boom\"}}".getBytes());
            } else {
                LoopbackServer.send(exchange, 200, "application/json", answer.getBytes(StandardCharsets.UTF_8));
            }
        });

        assertThat(openai(3).generate(request()).image().height()).isEqualTo(1536);
        assertThat(calls.get()).isEqualTo(3);
        assertThat(waits.get(0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(50), Duration.ofMillis(200));
        assertThat(ProviderCalls.drain().get(0).attempts()).isEqualTo(3);
    }

    @Test
    void whatIsLeftAfterTheRetriesIsMappedToTheStepErrorCodesWithoutTheKey() throws Exception {
        server.route("/v1/images/edits", exchange -> {
            exchange.getResponseHeaders().add("Retry-After", "120");
            LoopbackServer.send(exchange, 429, "application/json", "{}".getBytes());
        });
        StepFault limited =
                catchThrowableOfType(StepFault.class, () -> openai(3).generate(request()));
        assertThat(limited.code()).isEqualTo("PROVIDER_RATE_LIMITED");
        assertThat(limited.retryAfter())
                .as("too long to wait inside the call: the engine waits")
                .isEqualTo(Duration.ofSeconds(120));

        AtomicInteger answer = new AtomicInteger(400);
        server.route(
                "/v1/audio/speech",
                exchange -> LoopbackServer.send(
                        exchange,
                        answer.get(),
                        "application/json",
                        ("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}").getBytes()));
        StepFault refused = catchThrowableOfType(
                StepFault.class, () -> openai(3).speak(new SpeechSynthesis.SpeechRequest("Hi", null, "en")));
        assertThat(refused.code()).isEqualTo("PROVIDER_ERROR");
        assertThat(refused.retryable()).isFalse();
        assertThat(refused.getMessage())
                .contains("400")
                .contains("Incorrect API key provided")
                .doesNotContain(KEY)
                .doesNotContain("SECRET");

        for (int status : new int[] {401, 403}) {
            answer.set(status);
            StepFault unauthorized = catchThrowableOfType(
                    StepFault.class, () -> openai(3).speak(new SpeechSynthesis.SpeechRequest("Hi", null, "en")));
            assertThat(unauthorized.code())
                    .as("a refused key, %d: %s", status, unauthorized.getMessage())
                    .isEqualTo("PROVIDER_UNAUTHORIZED");
            assertThat(unauthorized.retryable()).isFalse();
            assertThat(unauthorized.getMessage())
                    .contains(String.valueOf(status))
                    .contains("API key was refused")
                    .doesNotContain(KEY);
        }
    }

    @Test
    void aHungResponseTimesOutAndMalformedJsonIsAProviderError() throws Exception {
        server.route("/v1/images/edits", exchange -> server.hold());
        OpenAiAdapter impatient = new OpenAiAdapter(
                client("openai", Map.of(), 2, Duration.ofMillis(300)), new Layouts(), null, null, true);
        StepFault timeout = catchThrowableOfType(StepFault.class, () -> impatient.generate(request()));
        assertThat(timeout.code()).isEqualTo("PROVIDER_TIMEOUT");
        assertThat(timeout.retryable()).isTrue();
        assertThat(server.hits("/v1/images/edits")).isEqualTo(2);

        server.route(
                "/v1/images/generations",
                exchange -> LoopbackServer.send(exchange, 200, "application/json", "{\"data\": [".getBytes()));
        OpenAiAdapter generations = new OpenAiAdapter(
                client("openai", Map.of(), 1, Duration.ofSeconds(2)), new Layouts(), null, null, false);
        StepFault malformed = catchThrowableOfType(StepFault.class, () -> generations.generate(request()));
        assertThat(malformed.code()).isEqualTo("PROVIDER_ERROR");
        assertThat(malformed.getMessage()).contains("malformed JSON");
    }

    @Test
    void aProviderThatKeepsFailingIsNotCalledWhileItsCircuitIsOpen() throws Exception {
        server.route(
                "/v1/images/edits",
                exchange -> LoopbackServer.send(exchange, 503, "application/json", "{}".getBytes()));
        OpenAiAdapter adapter = openai(1);
        for (int i = 0; i < 3; i++) {
            assertThat(catchThrowableOfType(StepFault.class, () -> adapter.generate(request()))
                            .code())
                    .isEqualTo("PROVIDER_ERROR");
        }
        StepFault fast = catchThrowableOfType(StepFault.class, () -> adapter.generate(request()));
        assertThat(fast.getMessage()).contains("failed 3 calls in a row");
        assertThat(fast.retryAfter()).isPositive();
        assertThat(server.hits("/v1/images/edits"))
                .as("the fourth call did not reach the provider")
                .isEqualTo(3);
    }

    /** Answers chat completions with {@code content} as the assistant's message, recording the requests. */
    private void chat(java.util.function.Function<String, String> content) {
        server.route("/v1/chat/completions", exchange -> {
            recorded(exchange);
            String request = bodies.get(bodies.size() - 1);
            String answer = "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                    + tools.jackson.databind.json.JsonMapper.builder()
                            .build()
                            .writeValueAsString(content.apply(request))
                    + "}}]}";
            LoopbackServer.send(exchange, 200, "application/json", answer.getBytes(StandardCharsets.UTF_8));
        });
    }

    @Test
    void scriptsStoryboardsConceptsBriefsAndProductFactsAreChatCompletionsWithAJsonSchema() throws Exception {
        chat(request -> {
            if (request.contains("\"name\":\"script\"")) {
                return "{\"segments\":[{\"role\":\"hook\",\"text\":\"Meet Kiln.\"},{\"role\":\"body\",\"text\":\"Glazed by hand.\"},"
                        + "{\"role\":\"cta\",\"text\":\"Get yours.\"}]}";
            }
            if (request.contains("\"name\":\"storyboard\"")) {
                return "{\"title\":\"Warm\",\"scenes\":["
                        + "{\"shot\":\"mug on wood\",\"move\":\"zoom_in\",\"text\":\"Warm hands\",\"style\":\"surface\"},"
                                .repeat(4)
                        + "{\"shot\":\"logo\",\"move\":\"static\",\"text\":\"Kiln\",\"style\":\"studio\"}]}";
            }
            if (request.contains("\"name\":\"concepts\"")) {
                return "{\"concepts\":[{\"title\":\"Ritual\",\"angle\":\"mornings\",\"hook\":\"Slow down.\",\"scene_ideas\":[\"steam\"],"
                        + "\"style\":\"outdoor\"},{\"title\":\"Craft\",\"angle\":\"hands\",\"hook\":\"Made slowly.\",\"scene_ideas\":[\"kiln\"],\"style\":\"studio\"}]}";
            }
            if (request.contains("\"name\":\"brief\"")) {
                return "{\"persona\":\"potter\",\"tone\":\"warm\",\"setting\":\"studio\",\"hook\":\"This mug changed my mornings\"}";
            }
            if (request.contains("\"name\":\"ugc_script\"")) {
                return "{\"shots\":[{\"kind\":\"product_closeup\",\"line\":\"This mug changed my mornings.\",\"direction\":\"selfie\"},"
                        + "{\"kind\":\"presenter_with_product\",\"line\":\"Feel that glaze.\",\"direction\":\"hold up\"}]}";
            }
            return "{\"category\":\"drinkware\",\"keywords\":[\"mug\",\"stoneware\",\"handmade\"]}";
        });
        Pixels pixels = new Pixels();
        OpenAiAdapter adapter = new OpenAiAdapter(
                client("openai", Map.of("script", "gpt-4.1-mini"), 1, Duration.ofSeconds(2)),
                new Layouts(),
                null,
                pixels,
                true);
        var facts = pixels.analyze(null);

        var script = adapter.write(new dev.campaignstudio.core.capability.ScriptWriting.ScriptRequest(
                "Kiln Mug", facts, "Cosy", null, 3, 15, "en", 1));
        assertThat(script.segments())
                .extracting(s -> s.text())
                .containsExactly("Meet Kiln.", "Glazed by hand.", "Get yours.");
        String scriptCall = bodies.get(0);
        assertThat(scriptCall)
                .contains("\"model\":\"gpt-4.1-mini\"")
                .contains("\"response_format\":{\"type\":\"json_schema\"")
                .contains("\"strict\":true")
                .contains("exactly 3 segments")
                .contains("Kiln Mug");

        var board = adapter.plan(new dev.campaignstudio.core.capability.StoryboardWriting.StoryboardRequest(
                "Kiln Mug", facts, "Cosy", 5, 13500, Style.AUTO, 1, 500));
        assertThat(board.scenes())
                .hasSize(5)
                .allSatisfy(scene -> assertThat(scene.durationMs() % 500).isZero());
        assertThat(board.scenes().stream()
                        .mapToLong(scene -> scene.durationMs())
                        .sum())
                .isEqualTo(13500);
        assertThat(board.scenes().get(4).startMs() + board.scenes().get(4).durationMs())
                .isEqualTo(13500);
        assertThat(board.scenes().get(0).move()).isEqualTo(CameraMove.ZOOM_IN);

        assertThat(adapter.concepts(new dev.campaignstudio.core.capability.StoryboardWriting.ConceptRequest(
                        "Kiln Mug", facts, Map.of(), null, 2, 1)))
                .extracting(c -> c.title())
                .containsExactly("Ritual", "Craft");
        var brief = adapter.interpret(
                new dev.campaignstudio.core.capability.ScriptWriting.BriefRequest("Kiln Mug", facts, "Cosy", "en", 1));
        assertThat(brief.hook()).isEqualTo("This mug changed my mornings");
        var ugc = adapter.ugcScript(new dev.campaignstudio.core.capability.ScriptWriting.UgcScriptRequest(
                "Kiln Mug", facts, brief, 2, 10, "en", 1));
        assertThat(ugc.shots().get(0).kind())
                .as("the first shot talks, whatever the model said")
                .isEqualTo(dev.campaignstudio.core.capability.ScriptWriting.ShotKind.TALKING);

        var analysed = adapter.analyze(new dev.campaignstudio.core.capability.ProductAnalysis.AnalysisRequest(
                new byte[] {1}, "Kiln Mug", Map.of(), null));
        assertThat(analysed.category()).isEqualTo("drinkware");
        assertThat(analysed.keywords()).containsExactly("mug", "stoneware", "handmade");
        assertThat(analysed.palette()).as("colours are measured, not written").isEqualTo(facts.palette());
    }

    @Test
    void anAnswerThatBreaksTheSchemaOrTheCountIsARetryableProviderError() throws Exception {
        chat(request -> request.contains("\"name\":\"concepts\"") ? "{\"concepts\":[]}" : "not json at all");
        OpenAiAdapter adapter = new OpenAiAdapter(
                client("openai", Map.of(), 1, Duration.ofSeconds(2)), new Layouts(), null, new Pixels(), true);
        StepFault count = catchThrowableOfType(
                StepFault.class,
                () -> adapter.concepts(new dev.campaignstudio.core.capability.StoryboardWriting.ConceptRequest(
                        "Kiln Mug", new Pixels().analyze(null), Map.of(), null, 3, 1)));
        assertThat(count.code()).isEqualTo("PROVIDER_ERROR");
        assertThat(count.retryable()).isTrue();
        assertThat(count.getMessage()).contains("0 concepts for 3");
        StepFault malformed = catchThrowableOfType(
                StepFault.class,
                () -> adapter.interpret(new dev.campaignstudio.core.capability.ScriptWriting.BriefRequest(
                        "Kiln Mug", new Pixels().analyze(null), "Cosy", "en", 1)));
        assertThat(malformed.getMessage()).contains("malformed JSON");
    }

    @Test
    void afterItsCooldownAnOpenCircuitLetsOneTrialCallThroughAndASuccessClosesIt() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String answer = imagesAnswer(1024, 1536);
        server.route(
                "/v1/images/edits",
                exchange -> LoopbackServer.send(
                        exchange,
                        calls.incrementAndGet() <= 3 ? 503 : 200,
                        "application/json",
                        calls.get() <= 3 ? "{}".getBytes() : answer.getBytes(StandardCharsets.UTF_8)));
        SettableClock clock = new SettableClock();
        ProviderSettings settings = new ProviderSettings(
                "openai",
                server.url(""),
                KEY,
                Map.of(),
                Duration.ofSeconds(2),
                Duration.ofSeconds(2),
                2,
                1,
                Duration.ofMillis(100),
                Duration.ofSeconds(30),
                3,
                Duration.ofMinutes(1));
        OpenAiAdapter adapter =
                new OpenAiAdapter(new ProviderClient(settings, clock, waits::add), new Layouts(), null, null, true);
        for (int i = 0; i < 3; i++) {
            catchThrowableOfType(StepFault.class, () -> adapter.generate(request()));
        }
        assertThat(catchThrowableOfType(StepFault.class, () -> adapter.generate(request()))
                        .getMessage())
                .contains("in a row");
        assertThat(calls.get()).isEqualTo(3);

        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertThat(adapter.generate(request()).image().width())
                .as("the trial call")
                .isEqualTo(1024);
        assertThat(adapter.generate(request()).image().width())
                .as("closed again")
                .isEqualTo(1024);
        assertThat(calls.get()).isEqualTo(5);
    }

    @Test
    void aKeyWithControlCharactersIsRefusedWithoutShowingItAndSurroundingWhitespaceIsDropped() {
        IllegalArgumentException bad = catchThrowableOfType(
                IllegalArgumentException.class,
                () -> new ProviderSettings(
                        "openai",
                        server.url(""),
                        "sk-abc\u0000def",
                        Map.of(),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1),
                        1,
                        1,
                        Duration.ZERO,
                        Duration.ofSeconds(1),
                        1,
                        Duration.ofSeconds(1)));
        assertThat(bad.getMessage()).contains("control characters").doesNotContain("sk-abc");
        ProviderSettings trimmed = new ProviderSettings(
                "openai",
                server.url(""),
                KEY + "\n",
                Map.of(),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                1,
                1,
                Duration.ZERO,
                Duration.ofSeconds(1),
                1,
                Duration.ofSeconds(1));
        assertThat(trimmed.apiKey()).isEqualTo(KEY);
        assertThat(trimmed.toString()).doesNotContain(KEY);
    }

    @Test
    void aPredictionIsNotCreatedTwiceAfterA5xxAndIsCancelledWhenTheStepStopsWaiting() throws Exception {
        AtomicInteger creates = new AtomicInteger();
        server.route("/v1/predictions", exchange -> {
            if (exchange.getRequestMethod().equals("POST")
                    && exchange.getRequestURI().getPath().equals("/v1/predictions")) {
                creates.incrementAndGet();
                LoopbackServer.send(exchange, 502, "application/json", "{}".getBytes());
            } else {
                LoopbackServer.send(
                        exchange, 200, "application/json", "{\"id\":\"p1\",\"status\":\"canceled\"}".getBytes());
            }
        });
        StepFault failed = catchThrowableOfType(
                StepFault.class, () -> replicate(new AddressRules(true, false)).animate(video()));
        assertThat(failed.code()).isEqualTo("PROVIDER_ERROR");
        assertThat(failed.retryable())
                .as("the engine may try the step again later")
                .isTrue();
        assertThat(creates.get())
                .as("a 502 may have been taken: not sent again within the call")
                .isEqualTo(1);
    }

    @Test
    void aPredictionStillRunningAtTheDeadlineIsCancelled() throws Exception {
        server.route("/v1/predictions", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/v1/predictions")) {
                LoopbackServer.send(
                        exchange, 201, "application/json", "{\"id\":\"p9\",\"status\":\"starting\"}".getBytes());
            } else if (path.equals("/v1/predictions/p9/cancel")) {
                LoopbackServer.send(
                        exchange, 200, "application/json", "{\"id\":\"p9\",\"status\":\"canceled\"}".getBytes());
            } else {
                LoopbackServer.send(
                        exchange, 200, "application/json", "{\"id\":\"p9\",\"status\":\"processing\"}".getBytes());
            }
        });
        GuardedHttpClient downloads =
                new GuardedHttpClient(new AddressRules(true, false), Duration.ofSeconds(2), Duration.ofSeconds(5));
        ReplicateAdapter impatient = new ReplicateAdapter(
                client("replicate", Map.of("video", "acme/img2vid:v1"), 3, Duration.ofSeconds(2)),
                downloads,
                Duration.ofMillis(20),
                Duration.ofMillis(40),
                Duration.ofMillis(300));
        StepFault timeout = catchThrowableOfType(StepFault.class, () -> impatient.animate(video()));
        assertThat(timeout.code()).isEqualTo("PROVIDER_TIMEOUT");
        assertThat(server.hits("/v1/predictions/p9/cancel")).isEqualTo(1);
    }

    /** The first poll would come after an hour: only a wait on the step's signal ends it (the time-out only guards a hang). */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aStepToldToStopStopsWaitingForItsPredictionAtOnceAndCancelsIt() throws Exception {
        CancellationSignal signal = new CancellationSignal();
        server.route("/v1/predictions", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/v1/predictions")) {
                signal.cancel("the job was cancelled");
                LoopbackServer.send(
                        exchange, 201, "application/json", "{\"id\":\"p7\",\"status\":\"starting\"}".getBytes());
            } else if (path.equals("/v1/predictions/p7/cancel")) {
                LoopbackServer.send(
                        exchange, 200, "application/json", "{\"id\":\"p7\",\"status\":\"canceled\"}".getBytes());
            } else {
                LoopbackServer.send(
                        exchange, 200, "application/json", "{\"id\":\"p7\",\"status\":\"processing\"}".getBytes());
            }
        });
        GuardedHttpClient downloads =
                new GuardedHttpClient(new AddressRules(true, false), Duration.ofSeconds(2), Duration.ofSeconds(5));
        ReplicateAdapter patient = new ReplicateAdapter(
                client("replicate", Map.of("video", "acme/img2vid:v1"), 3, Duration.ofSeconds(2)),
                downloads,
                Duration.ofHours(1),
                Duration.ofHours(1),
                Duration.ofHours(2));
        try (CancellationSignal.Binding bound = signal.bindToCurrentThread()) {
            assertThatThrownBy(() -> patient.animate(video())).isInstanceOf(StepStopped.class);
        }
        assertThat(server.hits("/v1/predictions/p7")).as("never polled").isZero();
        assertThat(server.hits("/v1/predictions/p7/cancel")).isEqualTo(1);
    }

    /** A clock the test moves. */
    private static final class SettableClock extends java.time.Clock {
        java.time.Instant now = java.time.Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    private ReplicateAdapter replicate(AddressRules rules) {
        GuardedHttpClient downloads = new GuardedHttpClient(rules, Duration.ofSeconds(2), Duration.ofSeconds(5));
        return new ReplicateAdapter(
                client(
                        "replicate",
                        Map.of("video", "acme/img2vid:v1", "lip_sync", "acme/lips:v2"),
                        3,
                        Duration.ofSeconds(2)),
                downloads,
                Duration.ofMillis(20),
                Duration.ofMillis(50),
                Duration.ofSeconds(10),
                new TempFiles(downloadDir));
    }

    private static VideoRequest video() throws IOException {
        MediaFile image = MediaFile.image(png(64, 64), "image/png", 64, 64);
        return new VideoRequest(
                new SceneImage(image, image, new Box(8, 8, 32, 32)),
                png(20, 20),
                64,
                64,
                1500,
                10,
                CameraMove.ZOOM_IN,
                3);
    }

    private void predictions(String finalStatus, String outputUrl) {
        AtomicInteger polls = new AtomicInteger();
        server.route("/v1/predictions", exchange -> {
            recorded(exchange);
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("POST")) {
                LoopbackServer.send(
                        exchange,
                        201,
                        "application/json",
                        ("{\"id\":\"p1\",\"status\":\"starting\",\"urls\":{\"get\":\""
                                        + server.url("/v1/predictions/p1") + "\"}}")
                                .getBytes());
            } else if (path.equals("/v1/predictions/p1")) {
                int n = polls.incrementAndGet();
                String status = n < 3 ? "processing" : finalStatus;
                String output = status.equals("succeeded") ? ",\"output\":\"" + outputUrl + "\"" : "";
                String error = status.equals("failed") ? ",\"error\":\"CUDA out of memory\"" : "";
                LoopbackServer.send(
                        exchange,
                        200,
                        "application/json",
                        ("{\"id\":\"p1\",\"status\":\"" + status + "\"" + output + error
                                        + ",\"metrics\":{\"predict_time\":1.2}}")
                                .getBytes());
            }
        });
    }

    @Test
    void aVideoIsAPredictionFollowedToItsEndAndItsOutputDownloaded() throws Exception {
        byte[] mp4 = "....ftypisom fake mp4 bytes".getBytes();
        server.route("/files/out.mp4", exchange -> LoopbackServer.send(exchange, 200, "video/mp4", mp4));
        predictions("succeeded", server.url("/files/out.mp4").toString());

        MediaFile clip = replicate(new AddressRules(true, false)).animate(video());

        assertThat(clip.onDisk())
                .as("the output is handed on in the file it was downloaded to")
                .isTrue();
        assertThat(clip.file().getParent()).isEqualTo(downloadDir);
        assertThat(java.nio.file.Files.readAllBytes(clip.file())).isEqualTo(mp4);
        assertThat(clip.durationMs()).isEqualTo(1500);
        assertThat(bodies.get(0))
                .contains("\"version\":\"acme/img2vid:v1\"")
                .contains("\"image\":\"data:image/png;base64,");
        assertThat(server.hits("/v1/predictions/p1")).isEqualTo(3);
        assertThat(authorizations).allMatch(("Bearer " + KEY)::equals);
        assertThat(ProviderCalls.drain())
                .extracting(ProviderCalls.Call::operation)
                .containsExactly("predictions", "predictions/get", "predictions/get", "predictions/get");
    }

    @Test
    void aLipSyncIsAPredictionOfItsOwnModelWithTheSpeechAsAudio() throws Exception {
        byte[] mp4 = "....ftypisom lips".getBytes();
        server.route("/files/lips.mp4", exchange -> LoopbackServer.send(exchange, 200, "video/mp4", mp4));
        predictions("succeeded", server.url("/files/lips.mp4").toString());
        SpeechSynthesis.Speech speech = new SpeechSynthesis.Speech(
                new MediaFile(wav(16000, 16000), "audio/wav", null, null, 1000L), List.of(), List.of());

        MediaFile clip = replicate(new AddressRules(true, false))
                .animate(new dev.campaignstudio.core.capability.LipSync.LipSyncRequest(
                        speech, 64, 64, 10, List.of("#112233"), 5, png(10, 10)));

        assertThat(clip.data()).isEqualTo(mp4);
        assertThat(clip.durationMs()).isEqualTo(1000);
        assertThat(bodies.get(0))
                .contains("\"version\":\"acme/lips:v2\"")
                .contains("\"audio\":\"data:audio/wav;base64,")
                .contains("\"product_image\":\"data:image/png;base64,");
    }

    @Test
    void aFailedPredictionIsAProviderError() throws Exception {
        predictions("failed", "");
        StepFault failed = catchThrowableOfType(
                StepFault.class, () -> replicate(new AddressRules(true, false)).animate(video()));
        assertThat(failed.code()).isEqualTo("PROVIDER_ERROR");
        assertThat(failed.getMessage()).contains("ended failed").contains("CUDA out of memory");
    }

    @Test
    void anOutputUrlAtAPrivateAddressIsRefused() throws Exception {
        predictions("succeeded", "http://10.20.30.40/out.mp4");
        StepFault refused = catchThrowableOfType(
                StepFault.class, () -> replicate(new AddressRules(true, false)).animate(video()));
        assertThat(refused.code()).isEqualTo("PROVIDER_ERROR");
        assertThat(refused.retryable()).isFalse();
        assertThat(refused.getMessage()).contains("output URL refused");
        try (var left = java.nio.file.Files.list(downloadDir)) {
            assertThat(left.toList())
                    .as("the file made for the download is deleted")
                    .isEmpty();
        }
    }

    /** Speech as the API sends it: 16-bit mono PCM WAV. */
    private static byte[] wav(int sampleRate, int samples) {
        ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes())
                .putInt(36 + samples * 2)
                .put("WAVE".getBytes())
                .put("fmt ".getBytes())
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) 1)
                .putInt(sampleRate)
                .putInt(sampleRate * 2)
                .putShort((short) 2)
                .putShort((short) 16)
                .put("data".getBytes())
                .putInt(samples * 2);
        return wav.array();
    }

    /** The measured facts of a product, as the local adapter gives them. */
    private static final class Pixels implements dev.campaignstudio.core.capability.ProductAnalysis {
        @Override
        public CutOut cutOut(byte[] photo) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ProductFacts analyze(AnalysisRequest request) {
            return new ProductFacts(
                    List.of(new dev.campaignstudio.core.capability.PaletteColor("#315544", 33, -17, 6, 0.4)),
                    34,
                    0.94,
                    "cup",
                    List.of("green"));
        }
    }

    /** Sheets drawn elsewhere; not under test. */
    private static final class Layouts implements ImageGeneration {
        @Override
        public SceneImage generate(ImageRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MediaFile sheet(SheetRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MediaFile contactSheet(ContactSheetRequest request) {
            throw new UnsupportedOperationException();
        }
    }
}
