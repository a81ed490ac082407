package dev.campaignstudio.providers.remote;

import dev.campaignstudio.core.asset.ImageInfo;
import dev.campaignstudio.core.capability.Box;
import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.CapabilityAdapter;
import dev.campaignstudio.core.capability.ImageGeneration;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.StepFault;
import dev.campaignstudio.core.capability.TempFiles;
import dev.campaignstudio.core.capability.VideoGeneration;
import dev.campaignstudio.core.port.out.WebFetcher;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The {@code fal} adapter: image and video models behind fal.ai's queue ({@link FalQueue}: submit, status, result,
 * cancel). {@code image} sends the product's cut-out with the scene prompt to an image-to-image model, so the product
 * stays the product; {@code video} sends the accepted scene image to an image-to-video model. Character and contact
 * sheets are layouts of the product's own pixels and stay local. Outputs are downloaded through the outbound URL rules,
 * a video streamed into a local file that the clip is handed on in (no video is held whole in memory).
 */
public final class FalAdapter implements CapabilityAdapter, ImageGeneration, VideoGeneration {

    /** The name configuration binds capabilities to. */
    public static final String NAME = "fal";
    /** How fal takes its key: {@code Authorization: Key <key>}. */
    public static final ProviderClient.Auth AUTH = new ProviderClient.Auth("Authorization", "Key ");
    /** The image model used when none is configured. */
    public static final String DEFAULT_IMAGE = "fal-ai/flux/dev/image-to-image";
    /** The video model used when none is configured. */
    public static final String DEFAULT_VIDEO = "fal-ai/kling-video/v2.1/standard/image-to-video";
    /** Largest output file taken. */
    static final long MAX_OUTPUT_BYTES = 512L * 1024 * 1024;

    private final ProviderClient client;
    private final WebFetcher downloads;
    private final ImageGeneration layouts;
    private final FalQueue queue;
    private final Duration deadline;
    private final TempFiles temp;

    /** As the full constructor, downloading videos into the JVM's temporary directory. */
    public FalAdapter(
            ProviderClient client,
            WebFetcher downloads,
            ImageGeneration layouts,
            Duration pollFirst,
            Duration pollMax,
            Duration deadline) {
        this(client, downloads, layouts, pollFirst, pollMax, deadline, TempFiles.system());
    }

    /**
     * @param client    the resilient client for the queue's base URL, sending the key as {@link #AUTH}
     * @param downloads fetches outputs through the outbound URL rules
     * @param layouts   draws character and contact sheets
     * @param pollFirst first wait before asking for a request's status again (grows by half each time)
     * @param pollMax   longest wait between asks
     * @param deadline  longest one attempt waits for a request
     * @param temp      where videos are downloaded to; each is handed on in its file
     */
    public FalAdapter(
            ProviderClient client,
            WebFetcher downloads,
            ImageGeneration layouts,
            Duration pollFirst,
            Duration pollMax,
            Duration deadline,
            TempFiles temp) {
        this.temp = temp;
        this.client = client;
        this.downloads = downloads;
        this.layouts = layouts;
        this.queue = new FalQueue(client, pollFirst, pollMax, deadline);
        this.deadline = deadline;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return imageModel() + "+" + videoModel();
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.IMAGE, Capability.VIDEO);
    }

    private String imageModel() {
        return client.settings().model("image", DEFAULT_IMAGE);
    }

    private String videoModel() {
        return client.settings().model("video", DEFAULT_VIDEO);
    }

    @Override
    public SceneImage generate(ImageRequest request) throws StepFault {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("image_url", dataUri("image/png", request.productPng()));
        input.put("prompt", OpenAiAdapter.prompt(request));
        // how far the model may move from the cut-out: less when the fidelity loop asks to keep the product as it is
        input.put("strength", request.constraints().stylisation() < 0.5 ? 0.75 : 0.9);
        input.put("num_images", 1);
        input.put("seed", request.seed() & 0x7FFFFFFFL);
        JsonNode result = queue.run("image", imageModel(), input);
        JsonNode first = result.path("images").path(0);
        // fal bills image models per megapixel of the output (docs/providers.md "Cost and provenance"): reported as
        // soon as the result is in, from its stated size, as the call is paid for even if the download fails
        int statedWidth = first.path("width").asInt(0);
        int statedHeight = first.path("height").asInt(0);
        reportImage(request, statedWidth, statedHeight);
        String url = first.path("url").asString("");
        if (url.isEmpty()) {
            throw StepFault.permanent("PROVIDER_ERROR", NAME + " answered without an image (images[0].url)");
        }
        byte[] image = download(url, "image/png, image/jpeg, */*");
        ImageInfo info = MediaFacts.image(image, NAME);
        if (statedWidth <= 0 || statedHeight <= 0) {
            reportImage(request, info.width(), info.height());
        }
        MediaFile file = MediaFile.image(image, info.format().mediaType(), info.width(), info.height());
        // the API does not say where the product is: the middle of the frame, as the prompt asks;
        // the fidelity check finds it
        Box middle = new Box(info.width() / 4, info.height() / 4, info.width() / 2, info.height() / 2);
        return new SceneImage(file, file, middle);
    }

    /** The image call's usage and cost: one image, and its megapixels when its size is known. */
    private void reportImage(ImageRequest request, int width, int height) {
        Map<String, Number> usage = width > 0 && height > 0
                ? Map.of("images", 1, "megapixels", width * (double) height / 1_000_000d)
                : Map.of("images", 1);
        client.report("image", null, request.seed() & 0x7FFFFFFFL, usage);
    }

    @Override
    public MediaFile animate(VideoRequest request) throws StepFault {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("prompt", ScenePrompts.video(request));
        input.put(
                "image_url",
                dataUri(
                        request.scene().image().mediaType(),
                        request.scene().image().data()));
        // the model makes 5 or 10 second clips; the stitch lays each out at its planned length
        String seconds = request.durationMs() > 5000 ? "10" : "5";
        input.put("duration", seconds);
        JsonNode result = queue.run("video", videoModel(), input);
        // fal bills video models per second of video made (docs/providers.md "Cost and provenance")
        Map<String, Number> usage = Map.of("video_seconds", Integer.parseInt(seconds));
        client.report("video", null, null, usage);
        String url = result.path("video").path("url").asString("");
        if (url.isEmpty()) {
            throw StepFault.permanent("PROVIDER_ERROR", NAME + " answered without a video (video.url)");
        }
        Path mp4 = downloadToFile(url, "video/mp4, */*");
        return MediaFile.inFile(mp4, "video/mp4", request.width(), request.height(), request.durationMs());
    }

    @Override
    public MediaFile sheet(SheetRequest request) throws StepFault {
        return layouts.sheet(request);
    }

    @Override
    public MediaFile contactSheet(ContactSheetRequest request) throws StepFault {
        return layouts.contactSheet(request);
    }

    private byte[] download(String url, String accept) throws StepFault {
        WebFetcher.Fetch fetch = downloads.get(uri(url), accept, MAX_OUTPUT_BYTES, deadline);
        if (fetch instanceof WebFetcher.Fetch.Fetched fetched) {
            return fetched.body();
        }
        throw fault(fetch);
    }

    /** Downloads an output into a new local file under {@code temp}, streamed; the caller owns the file. */
    private Path downloadToFile(String url, String accept) throws StepFault {
        URI uri = uri(url);
        Path file;
        try {
            file = temp.create("studio-fal", ".mp4");
        } catch (IOException e) {
            throw StepFault.transientFault("TRANSIENT", NAME + " output could not be written to a local file");
        }
        WebFetcher.Fetch fetch = downloads.download(uri, accept, MAX_OUTPUT_BYTES, deadline, file);
        if (fetch instanceof WebFetcher.Fetch.Saved) {
            return file;
        }
        TempFiles.delete(file);
        throw fault(fetch);
    }

    private static URI uri(String url) throws StepFault {
        try {
            return URI.create(url);
        } catch (IllegalArgumentException bad) {
            throw StepFault.permanent("PROVIDER_ERROR", NAME + " gave an output that is not a URL");
        }
    }

    /** The fault for a download that brought no body. */
    private static StepFault fault(WebFetcher.Fetch fetch) {
        if (fetch instanceof WebFetcher.Fetch.Refused refused) {
            return StepFault.permanent("PROVIDER_ERROR", NAME + " output URL refused: " + refused.reason());
        }
        if (fetch instanceof WebFetcher.Fetch.Unreachable unreachable) {
            return unreachable.timedOut()
                    ? StepFault.transientFault("PROVIDER_TIMEOUT", NAME + " output download timed out")
                    : StepFault.transientFault("PROVIDER_ERROR", NAME + " output unreachable: " + unreachable.reason());
        }
        if (fetch instanceof WebFetcher.Fetch.TooLarge) {
            return StepFault.permanent(
                    "PROVIDER_ERROR", NAME + " output is larger than " + MAX_OUTPUT_BYTES + " bytes");
        }
        int status = ((WebFetcher.Fetch.Status) fetch).status();
        boolean retryable = status >= 500 || status == 429;
        return new StepFault("PROVIDER_ERROR", NAME + " output download answered " + status, retryable, null);
    }

    private static String dataUri(String type, byte[] data) {
        return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(data);
    }
}
