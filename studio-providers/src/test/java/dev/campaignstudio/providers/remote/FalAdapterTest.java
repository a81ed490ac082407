package dev.campaignstudio.providers.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.campaignstudio.core.capability.Box;
import dev.campaignstudio.core.capability.CameraMove;
import dev.campaignstudio.core.capability.ImageGeneration;
import dev.campaignstudio.core.capability.ImageGeneration.ImageRequest;
import dev.campaignstudio.core.capability.ImageGeneration.SceneImage;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.ProviderCalls;
import dev.campaignstudio.core.capability.StepFault;
import dev.campaignstudio.core.capability.TempFiles;
import dev.campaignstudio.core.capability.VideoGeneration.VideoRequest;
import dev.campaignstudio.core.contract.Aspect;
import dev.campaignstudio.core.contract.Presentation;
import dev.campaignstudio.core.contract.Style;
import dev.campaignstudio.core.engine.CancellationSignal;
import dev.campaignstudio.core.engine.StepJournal;
import dev.campaignstudio.core.engine.StepRunner;
import dev.campaignstudio.core.engine.StepStopped;
import dev.campaignstudio.core.outbound.AddressRules;
import dev.campaignstudio.providers.fixtures.FakeFal;
import dev.campaignstudio.providers.http.GuardedHttpClient;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code fal} adapter against a loopback server that speaks fal's queue protocol as documented and checks every
 * request: images and videos come back through submit, status and result; the request id is noted before the first
 * poll, so an attempt after a crash polls the same request and submits nothing; cancelling the job cancels the request;
 * errors map to the step error codes without the key.
 */
class FalAdapterTest {

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path downloadDir;

    private static final String KEY = "fal-key-id:SECRET0123456789abcdef";

    private final FakeFal vendor = new FakeFal(KEY);
    private final GuardedHttpClient downloads =
            new GuardedHttpClient(new AddressRules(true, false), Duration.ofSeconds(2), Duration.ofSeconds(5));
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void close() throws Exception {
        threads.shutdownNow();
        vendor.close();
        downloads.close();
        ProviderCalls.drain();
    }

    private FalAdapter adapter(String key, int attempts) {
        return adapter(key, attempts, Map.of());
    }

    private FalAdapter adapter(String key, int attempts, Map<String, Map<String, Double>> prices) {
        ProviderSettings settings = new ProviderSettings(
                "fal",
                URI.create(vendor.url()),
                key,
                Map.of(),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                4,
                attempts,
                Duration.ofMillis(10),
                Duration.ofSeconds(30),
                5,
                Duration.ofMinutes(1),
                prices);
        return new FalAdapter(
                new ProviderClient(settings, Clock.systemUTC(), d -> {}, FalAdapter.AUTH),
                downloads,
                new NoLayouts(),
                Duration.ofMillis(20),
                Duration.ofMillis(40),
                Duration.ofSeconds(30),
                new TempFiles(downloadDir));
    }

    private static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40, 90, 200));
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static ImageRequest imageRequest(String prompt) throws Exception {
        return new ImageRequest(
                png(64, 96),
                List.of("#285ac8"),
                null,
                prompt,
                Aspect.PORTRAIT_9_16,
                320,
                Style.STUDIO,
                Presentation.PRODUCT_ONLY,
                42,
                0.3,
                null);
    }

    private static VideoRequest videoRequest() throws Exception {
        MediaFile still = MediaFile.image(png(96, 160), "image/png", 96, 160);
        return new VideoRequest(
                new SceneImage(still, still, new Box(0, 0, 96, 160)), null, 96, 160, 2000, 10, CameraMove.ZOOM_IN, 7);
    }

    @Test
    void anImageComesThroughSubmitStatusAndResultAndEveryRequestMatchesTheDocument() throws Exception {
        SceneImage scene = adapter(KEY, 1).generate(imageRequest("Autumn table"));

        assertThat(vendor.violations).isEmpty();
        assertThat(vendor.submitted(FalAdapter.DEFAULT_IMAGE)).isEqualTo(1);
        assertThat(vendor.authorizations).isNotEmpty().allMatch(("Key " + KEY)::equals);
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(scene.image().data()))
                        .getWidth())
                .isEqualTo(128);
        assertThat(scene.image().width()).isEqualTo(128);
        assertThat(ProviderCalls.drain())
                .extracting(ProviderCalls.Call::operation)
                .startsWith("queue/submit", "queue/status")
                .endsWith("queue/result");
    }

    @Test
    void aCallCostsItsOutputAtTheConfiguredPrices() throws Exception {
        // fal's price pages bill image models per megapixel of the output and video models per second of video
        FalAdapter priced =
                adapter(KEY, 1, Map.of("image", Map.of("megapixels", 0.025), "video", Map.of("video_seconds", 0.05)));

        SceneImage scene = priced.generate(imageRequest("Autumn table"));
        BufferedImage decoded =
                ImageIO.read(new java.io.ByteArrayInputStream(scene.image().data()));
        double megapixels = decoded.getWidth() * decoded.getHeight() / 1e6;
        ProviderCalls.Call image = last(ProviderCalls.drain());
        assertThat(image.operation()).isEqualTo("queue/result");
        assertThat(image.usage().get("megapixels").doubleValue()).isCloseTo(megapixels, within(1e-9));
        assertThat(image.cost()).isCloseTo(megapixels * 0.025, within(1e-6));
        assertThat(image.seed()).isEqualTo(42L);

        java.nio.file.Files.deleteIfExists(priced.animate(videoRequest()).file());
        ProviderCalls.Call video = last(ProviderCalls.drain());
        assertThat(video.usage()).containsEntry("video_seconds", 5);
        assertThat(video.cost()).isCloseTo(5 * 0.05, within(1e-9));

        adapter(KEY, 1).generate(imageRequest("Autumn table"));
        assertThat(last(ProviderCalls.drain()).cost()).as("no prices, no cost").isNull();
    }

    @Test
    void theRequestIdIsNotedBeforeTheFirstPoll() throws Exception {
        List<Integer> pollsWhenNoted = new java.util.concurrent.CopyOnWriteArrayList<>();
        StepJournal memory = StepJournal.inMemory();
        StepJournal watching = new StepJournal() {
            @Override
            public List<Map<String, Object>> read() {
                return memory.read();
            }

            @Override
            public void write(Map<String, Object> note) throws StepFault {
                pollsWhenNoted.add(vendor.polls.get());
                memory.write(note);
            }
        };
        try (CancellationSignal.Binding bound = StepJournal.bind(watching)) {
            adapter(KEY, 1).animate(videoRequest());
        }

        assertThat(vendor.violations).isEmpty();
        assertThat(pollsWhenNoted).containsExactly(0);
        Map<String, Object> note = memory.read().get(0);
        assertThat(note)
                .containsEntry("kind", "remote_job")
                .containsEntry("provider", "fal")
                .containsEntry("request_id", "req-1")
                .containsEntry("status_url", "/fal-ai/kling-video/requests/req-1/status");
    }

    @Test
    void anAttemptAfterTheWorkerStoppedMidPollPollsTheNotedRequestAndSubmitsNothing() throws Exception {
        StepJournal journal = StepJournal.inMemory();
        vendor.hold = true;
        vendor.heldPolls = new CountDownLatch(2);
        CancellationSignal first = new CancellationSignal();
        Future<?> crashed = threads.submit(() -> attempt(first, journal));
        assertThat(vendor.heldPolls.await(10, TimeUnit.SECONDS)).isTrue();
        first.cancelForLater(StepRunner.SHUTTING_DOWN);
        assertThat(catchThrowableOfType(
                                java.util.concurrent.ExecutionException.class, () -> crashed.get(10, TimeUnit.SECONDS))
                        .getCause())
                .isInstanceOf(StepStopped.class);
        assertThat(vendor.cancels)
                .as("a request the next attempt takes up is not cancelled")
                .isEmpty();

        vendor.hold = false;
        MediaFile clip = attempt(new CancellationSignal(), journal);

        assertThat(clip.data()).isNotEmpty();
        assertThat(clip.onDisk())
                .as("the video is handed on in the file it was streamed to")
                .isTrue();
        assertThat(clip.file().getParent()).isEqualTo(downloadDir);
        assertThat(vendor.submitted())
                .as("one request for the scene, whatever the attempts")
                .isEqualTo(1);
        assertThat(vendor.violations).isEmpty();
    }

    @Test
    void aRegenerationThatAsksForSomethingElseGetsItsOwnRequest() throws Exception {
        try (CancellationSignal.Binding bound = StepJournal.bind(StepJournal.inMemory())) {
            FalAdapter fal = adapter(KEY, 1);
            fal.generate(imageRequest("Autumn table"));
            fal.generate(imageRequest("Autumn table, product larger"));
            fal.generate(imageRequest("Autumn table"));
        }
        assertThat(vendor.submitted())
                .as("the third asks what the first did, which the step already has noted")
                .isEqualTo(2);
    }

    @Test
    void cancellingTheJobCancelsTheRequest() throws Exception {
        StepJournal journal = StepJournal.inMemory();
        vendor.hold = true;
        vendor.heldPolls = new CountDownLatch(1);
        CancellationSignal signal = new CancellationSignal();
        Future<?> running = threads.submit(() -> attempt(signal, journal));
        assertThat(vendor.heldPolls.await(10, TimeUnit.SECONDS)).isTrue();
        signal.cancel("the job was cancelled or has ended");

        assertThat(catchThrowableOfType(
                                java.util.concurrent.ExecutionException.class, () -> running.get(10, TimeUnit.SECONDS))
                        .getCause())
                .isInstanceOf(StepStopped.class);
        assertThat(vendor.cancels).containsExactly("req-1");
        assertThat(journal.read())
                .anyMatch(
                        note -> "remote_job_closed".equals(note.get("kind")) && "req-1".equals(note.get("request_id")));
        assertThat(vendor.violations).isEmpty();
    }

    @Test
    void aWrongKeyIsAPermanentFaultThatDoesNotShowTheKey() {
        String wrong = "fal-key-id:SECRETwrong999";
        StepFault fault =
                catchThrowableOfType(StepFault.class, () -> adapter(wrong, 3).generate(imageRequest("x")));

        assertThat(fault.code()).as("docs/providers.md: a refused key").isEqualTo("PROVIDER_UNAUTHORIZED");
        assertThat(fault.retryable()).isFalse();
        assertThat(fault.getMessage()).contains("401").doesNotContain(wrong).doesNotContain("SECRET");
        assertThat(vendor.authorizations).hasSize(1);
    }

    @Test
    void aRateLimitedSubmitIsTriedAgainButAServerErrorOnSubmitIsNot() throws Exception {
        vendor.failNextSubmits(429, 1);
        adapter(KEY, 2).generate(imageRequest("x"));
        assertThat(vendor.submitted()).isEqualTo(1);

        vendor.failNextSubmits(500, 1);
        StepFault fault =
                catchThrowableOfType(StepFault.class, () -> adapter(KEY, 3).generate(imageRequest("y")));
        assertThat(fault.code()).isEqualTo("PROVIDER_ERROR");
        assertThat(fault.retryable())
                .as("the engine's retry decides; the call itself does not submit twice")
                .isTrue();
        assertThat(vendor.submitted())
                .as("a 5xx on submit may have been taken: not sent again within the call")
                .isEqualTo(1);

        vendor.failNextSubmits(429, 1);
        StepFault limited =
                catchThrowableOfType(StepFault.class, () -> adapter(KEY, 1).generate(imageRequest("z")));
        assertThat(limited.code()).isEqualTo("PROVIDER_RATE_LIMITED");
        assertThat(limited.retryable()).isTrue();
    }

    private MediaFile attempt(CancellationSignal signal, StepJournal journal) throws Exception {
        try (CancellationSignal.Binding bound = signal.bindToCurrentThread();
                CancellationSignal.Binding notes = StepJournal.bind(journal)) {
            return adapter(KEY, 1).animate(videoRequest());
        }
    }

    private static final class NoLayouts implements ImageGeneration {
        @Override
        public SceneImage generate(ImageRequest request) {
            throw new UnsupportedOperationException("layouts only");
        }

        @Override
        public MediaFile sheet(SheetRequest request) {
            throw new UnsupportedOperationException("not used here");
        }

        @Override
        public MediaFile contactSheet(ContactSheetRequest request) {
            throw new UnsupportedOperationException("not used here");
        }
    }

    private static ProviderCalls.Call last(List<ProviderCalls.Call> calls) {
        assertThat(calls).isNotEmpty();
        return calls.get(calls.size() - 1);
    }
}
