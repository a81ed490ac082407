package dev.campaignstudio.providers.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.campaignstudio.core.asset.Sha256;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.ProviderCalls;
import dev.campaignstudio.core.capability.StepFault;
import dev.campaignstudio.core.capability.VideoGeneration.VideoRequest;
import dev.campaignstudio.core.engine.CancellationSignal;
import dev.campaignstudio.core.engine.StepJournal;
import dev.campaignstudio.core.engine.StepRunner;
import dev.campaignstudio.core.engine.StepStopped;
import dev.campaignstudio.providers.contract.FakeReplicate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code replicate} adapter notes each prediction on the step ({@link StepJournal}, docs/providers.md "Paid work
 * never runs twice"): a later attempt of the step follows the noted prediction and creates none, a request that asks
 * for something else gets its own, and a cancelled job cancels the prediction and closes its note.
 */
class ReplicateNotesTest {

    private final FakeReplicate vendor = new FakeReplicate(
            input -> ("mp4 of seed " + input.path("seed").asLong()).getBytes(StandardCharsets.UTF_8), 2);
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void close() {
        vendor.release();
        threads.shutdownNow();
        vendor.close();
        ProviderCalls.drain();
    }

    private ReplicateAdapter adapter() {
        return ReplicateFixtures.adapter(vendor.url(), Map.of("video", "acme/img2vid:v1"));
    }

    private static VideoRequest video(long seed) throws IOException {
        return ReplicateFixtures.video(seed);
    }

    private MediaFile attempt(CancellationSignal signal, StepJournal journal, long seed) throws Exception {
        try (CancellationSignal.Binding bound = signal.bindToCurrentThread();
                CancellationSignal.Binding notes = StepJournal.bind(journal)) {
            return adapter().animate(video(seed));
        }
    }

    private int polls() {
        return vendor.vendor().requests("GET", "/predictions/{prediction_id}").size();
    }

    @Test
    void thePredictionIdIsNotedBeforeTheFirstPoll() throws Exception {
        List<Integer> pollsWhenNoted = new CopyOnWriteArrayList<>();
        StepJournal memory = StepJournal.inMemory();
        StepJournal watching = new StepJournal() {
            @Override
            public List<Map<String, Object>> read() {
                return memory.read();
            }

            @Override
            public void write(Map<String, Object> note) throws StepFault {
                pollsWhenNoted.add(polls());
                memory.write(note);
            }
        };
        attempt(new CancellationSignal(), watching, 9);

        assertThat(pollsWhenNoted).containsExactly(0);
        Map<String, Object> note = memory.read().get(0);
        assertThat(note)
                .containsEntry("kind", "remote_job")
                .containsEntry("provider", "replicate")
                .containsEntry("capability", "video")
                .containsEntry("model", "acme/img2vid:v1")
                .containsKey("fingerprint");
        assertThat(String.valueOf(note.get("request_id"))).startsWith("pred1x");
        assertThat(vendor.vendor().problems()).isEmpty();
    }

    @Test
    void anAttemptAfterTheWorkerStoppedMidPollFollowsTheNotedPredictionAndCreatesNone() throws Exception {
        StepJournal journal = StepJournal.inMemory();
        vendor.hold();
        CancellationSignal first = new CancellationSignal();
        Future<?> stopped = threads.submit(() -> attempt(first, journal, 9));
        assertThat(vendor.polledWhileHeld().await(10, TimeUnit.SECONDS)).isTrue();
        first.cancelForLater(StepRunner.SHUTTING_DOWN);
        assertThat(catchThrowableOfType(ExecutionException.class, () -> stopped.get(10, TimeUnit.SECONDS))
                        .getCause())
                .isInstanceOf(StepStopped.class);
        assertThat(vendor.cancelled())
                .as("a prediction the next attempt takes up is not cancelled")
                .isZero();

        vendor.release();
        MediaFile clip = attempt(new CancellationSignal(), journal, 9);

        assertThat(clip.data()).isEqualTo("mp4 of seed 9".getBytes(StandardCharsets.UTF_8));
        assertThat(vendor.created())
                .as("one prediction for the scene, whatever the attempts")
                .isEqualTo(1);
        assertThat(vendor.vendor().problems()).isEmpty();
    }

    /**
     * A step cut off mid-poll before the upgrade noted its prediction in the form of then: {@code {"remote_job":
     * "replicate:<capability>:<SHA-256 hex of the body sent>", "id": <prediction id>}}. Its next attempt follows it.
     */
    @Test
    void aPredictionNotedInTheFormBeforeRemoteJobNotesIsFollowedToo() throws Exception {
        vendor.hold();
        CancellationSignal first = new CancellationSignal();
        StepJournal current = StepJournal.inMemory();
        Future<?> stopped = threads.submit(() -> attempt(first, current, 9));
        assertThat(vendor.polledWhileHeld().await(10, TimeUnit.SECONDS)).isTrue();
        first.cancelForLater(StepRunner.SHUTTING_DOWN);
        assertThat(catchThrowableOfType(ExecutionException.class, () -> stopped.get(10, TimeUnit.SECONDS))
                        .getCause())
                .isInstanceOf(StepStopped.class);
        byte[] body = vendor.vendor().requests("POST", "/predictions").get(0).body();
        Object id = current.read().get(0).get("request_id");
        StepJournal before = StepJournal.inMemory();
        before.write(Map.of("remote_job", "replicate:video:" + Sha256.hex(body), "id", id));

        vendor.release();
        MediaFile clip = attempt(new CancellationSignal(), before, 9);

        assertThat(clip.data()).isEqualTo("mp4 of seed 9".getBytes(StandardCharsets.UTF_8));
        assertThat(vendor.created())
                .as("the prediction noted the old way, followed")
                .isEqualTo(1);
        assertThat(vendor.vendor().problems()).isEmpty();
    }

    @Test
    void aRegenerationThatAsksForSomethingElseGetsItsOwnPrediction() throws Exception {
        StepJournal journal = StepJournal.inMemory();
        attempt(new CancellationSignal(), journal, 9);
        attempt(new CancellationSignal(), journal, 10);
        MediaFile again = attempt(new CancellationSignal(), journal, 9);

        assertThat(again.data()).isEqualTo("mp4 of seed 9".getBytes(StandardCharsets.UTF_8));
        assertThat(vendor.created())
                .as("the third asks what the first did, which the step already has noted")
                .isEqualTo(2);
        assertThat(vendor.vendor().problems()).isEmpty();
    }

    @Test
    void withoutAStepNothingIsNotedAndEachCallCreatesItsPrediction() throws Exception {
        adapter().animate(video(9));
        adapter().animate(video(9));

        assertThat(vendor.created()).isEqualTo(2);
    }

    @Test
    void cancellingTheJobCancelsThePredictionAndClosesItsNote() throws Exception {
        StepJournal journal = StepJournal.inMemory();
        vendor.hold();
        CancellationSignal signal = new CancellationSignal();
        Future<?> running = threads.submit(() -> attempt(signal, journal, 9));
        assertThat(vendor.polledWhileHeld().await(10, TimeUnit.SECONDS)).isTrue();
        signal.cancel("the job was cancelled or has ended");

        assertThat(catchThrowableOfType(ExecutionException.class, () -> running.get(10, TimeUnit.SECONDS))
                        .getCause())
                .isInstanceOf(StepStopped.class);
        assertThat(vendor.cancelled()).isEqualTo(1);
        Object id = journal.read().get(0).get("request_id");
        assertThat(journal.read())
                .anyMatch(note -> "remote_job_closed".equals(note.get("kind")) && id.equals(note.get("request_id")));

        vendor.release();
        attempt(new CancellationSignal(), journal, 9);
        assertThat(vendor.created())
                .as("a cancelled prediction is not taken up again")
                .isEqualTo(2);
        assertThat(vendor.vendor().problems()).isEmpty();
    }
}
