package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.asset.Asset;
import dev.campaignstudio.core.asset.AssetKind;
import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.ImageGeneration;
import dev.campaignstudio.core.capability.ImageGeneration.ContactSheetRequest;
import dev.campaignstudio.core.capability.ImageGeneration.Tile;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.contract.CanonicalJson;
import dev.campaignstudio.core.engine.StageHandler;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.engine.StepResult;
import dev.campaignstudio.core.job.StepRecord;
import dev.campaignstudio.core.pipeline.Stages;
import dev.campaignstudio.core.stage.Capabilities;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code finalize_bundle}: the bundle's images (every scene in every requested aspect) listed as the job's output, a
 * contact sheet of them all, a manifest JSON describing each image, and a ZIP of the images, the sheet and the
 * manifest.
 */
public final class FinalizeBundleStage implements StageHandler {

    /** Role of each image in the bundle. */
    public static final String IMAGE = "bundle_image";
    /** Role of the contact sheet. */
    public static final String CONTACT_SHEET = "contact_sheet";
    /** Role of the manifest JSON. */
    public static final String MANIFEST = "bundle_manifest";
    /** Role of the ZIP. */
    public static final String ZIP = "bundle_zip";
    /** Width of the contact sheet. */
    public static final int SHEET_WIDTH = 1600;

    private final Capabilities capabilities;

    public FinalizeBundleStage(Capabilities capabilities) {
        this.capabilities = capabilities;
    }

    @Override
    public StepResult execute(StepContext context) throws Exception {
        Identity identity = Identity.of(context);
        List<Tile> tiles = new ArrayList<>();
        List<Map<String, Object>> described = new ArrayList<>();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (StepRecord scene : context.finished(Stages.SCENE_IMAGE)) {
            SceneImageOutputs made = SceneImageOutputs.of(scene);
            for (SceneImageOutputs.Image image : made.images()) {
                String id = image.image();
                Asset asset = context.asset(id)
                        .orElseThrow(() -> new IllegalStateException("scene image " + id + " is missing"));
                byte[] data = context.read(id);
                String aspect = image.aspect();
                String file = String.format(
                        "scene-%02d-%s.%s", scene.sceneOrder(), aspect.replace(':', 'x'), extension(asset.mediaType()));
                context.attach(id, IMAGE);
                tiles.add(new Tile(data, "scene " + scene.sceneOrder() + " · " + aspect));
                entries.put(file, data);
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("file", file);
                entry.put("scene_order", scene.sceneOrder());
                entry.put("aspect", aspect);
                entry.put("asset_id", id);
                entry.put("media_type", asset.mediaType());
                entry.put("width", asset.width());
                entry.put("height", asset.height());
                entry.put("sha256", asset.sha256());
                entry.put("headline", made.headline());
                entry.put("style", made.style());
                described.add(entry);
            }
        }
        ImageGeneration images = capabilities.port(Capability.IMAGE, ImageGeneration.class);
        String title = identity.name() + " · " + shorten(context.inputs().prompt(), 60);
        MediaFile sheet = images.contactSheet(new ContactSheetRequest(title, tiles, SHEET_WIDTH));
        String sheetId = OutputFiles.store(context, sheet, CONTACT_SHEET);
        entries.put("contact-sheet.png", sheet.data());

        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("product_id", context.inputs().product().productId());
        manifest.put("product_name", identity.name());
        manifest.put("prompt", context.inputs().prompt());
        manifest.put("images", described);
        manifest.put("contact_sheet", "contact-sheet.png");
        byte[] manifestJson = CanonicalJson.write(manifest).getBytes(StandardCharsets.UTF_8);
        String manifestId = context.store(manifestJson, AssetKind.DATA, "application/json", null, null, null, MANIFEST)
                .asset()
                .id()
                .value();
        entries.put("manifest.json", manifestJson);
        String zipId = context.store(zip(entries), AssetKind.DATA, "application/zip", null, null, null, ZIP)
                .asset()
                .id()
                .value();

        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("images", described.size());
        outputs.put("contact_sheet", sheetId);
        outputs.put("manifest", manifestId);
        outputs.put("zip", zipId);
        return new StepResult.Succeeded(outputs, capabilities.adapter(Capability.IMAGE));
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                ZipEntry file = new ZipEntry(entry.getKey());
                file.setTime(0);
                zip.putNextEntry(file);
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String extension(String mediaType) {
        return mediaType.equals("image/jpeg") ? "jpg" : "png";
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1).stripTrailing() + "…";
    }
}
