package dev.campaignstudio.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.asset.AssetId;
import dev.campaignstudio.core.capability.ProductAnalysis.CutOut;
import dev.campaignstudio.core.contract.JobRequestReader;
import dev.campaignstudio.core.contract.MarketingOutputRequest;
import dev.campaignstudio.core.contract.Validated;
import dev.campaignstudio.media.SampleProducts.Backdrop;
import dev.campaignstudio.media.SampleProducts.Shot;
import dev.campaignstudio.media.SampleProducts.View;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The sample products committed under {@code samples/} at the repository root, read as the demo will read them. */
class SampleCatalogTest {

    private static final Path SAMPLES = Path.of("..", "samples");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static List<Path> folders() throws Exception {
        try (Stream<Path> list = Files.list(SAMPLES)) {
            // photographed/ holds real photos under their own licence (its LICENSES.md), not made by the catalogue
            return list.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().equals("photographed"))
                    .sorted()
                    .toList();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> product(Path folder) throws Exception {
        return JSON.readValue(Files.readString(folder.resolve("product.json"), StandardCharsets.UTF_8), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Path> images(Path folder, Map<String, Object> product) {
        return ((List<Map<String, Object>>) product.get("images"))
                .stream().map(i -> folder.resolve((String) i.get("uri"))).toList();
    }

    @Test
    void everySampleIsNamedForItsFolderAndEveryPhotoItListsDecodes() throws Exception {
        assertThat(folders())
                .extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("aurora-bottle", "kiln-mug", "velvet-noir-perfume");
        for (Path folder : folders()) {
            Map<String, Object> product = product(folder);
            assertThat(product.get("product_id")).isEqualTo(folder.getFileName().toString());
            assertThat(images(folder, product)).hasSizeBetween(2, 3).allSatisfy(photo -> {
                assertThat(photo).as("listed photo").isRegularFile();
                assertThat(Files.size(photo)).isLessThan(300_000);
                BufferedImage image = Images.decode(Files.readAllBytes(photo));
                assertThat(image.getWidth() * image.getHeight()).isGreaterThanOrEqualTo(900 * 1000);
            });
            assertThat(product.get("prompt"))
                    .isInstanceOfSatisfying(String.class, p -> assertThat(p).isNotBlank());
        }
    }

    @Test
    void everyProductJsonIsTheContractsProductOnceItsPhotosAreUploaded() throws Exception {
        for (Path folder : folders()) {
            Map<String, Object> product = new LinkedHashMap<>(product(folder));
            Object prompt = product.remove("prompt");
            List<Map<String, Object>> uploaded = new ArrayList<>();
            images(folder, product)
                    .forEach(p -> uploaded.add(Map.of("uri", "asset:" + AssetId.next(Clock.systemUTC()))));
            product.put("images", uploaded);
            Map<String, Object> job = new LinkedHashMap<>();
            job.put("contract_version", 2);
            job.put("job_type", "marketing_output");
            job.put("idempotency_key", "sample-" + folder.getFileName());
            job.put("product", product);
            job.put("mode", "image_bundle");
            job.put("prompt", prompt);
            Validated<?> read = new JobRequestReader().read(job);
            assertThat(read).as("%s: %s", folder, read).isInstanceOf(Validated.Valid.class);
            MarketingOutputRequest request = (MarketingOutputRequest) ((Validated.Valid<?>) read).value();
            assertThat(request.product().attributes().brand()).isNotBlank();
            assertThat(request.product().attributes().colors()).isNotEmpty();
        }
    }

    @Test
    void theFirstPhotoOfEverySampleCutsOutPlausibly() throws Exception {
        LocalMedia media = new LocalMedia();
        for (Path folder : folders()) {
            Path first = images(folder, product(folder)).get(0);
            CutOut cut = media.cutOut(Files.readAllBytes(first));
            assertThat(cut.coverage()).as(folder.toString()).isBetween(0.05, 0.8);
            assertThat(cut.bounds().x()).isPositive();
            assertThat(cut.bounds().y()).isPositive();
            assertThat(cut.bounds().x() + cut.bounds().width()).isLessThan(cut.sourceWidth());
            assertThat(cut.bounds().y() + cut.bounds().height()).isLessThan(cut.sourceHeight());
            assertThat(cut.png().width()).isEqualTo(cut.bounds().width());
        }
    }

    @Test
    void theCommittedFilesAreWhatTheCatalogWrites() throws Exception {
        for (SampleCatalog.Sample sample : SampleCatalog.SAMPLES) {
            Path folder = SAMPLES.resolve(sample.id());
            assertThat(Files.readString(folder.resolve("product.json"), StandardCharsets.UTF_8))
                    .isEqualTo(sample.json());
            assertThat(images(folder, product(folder)))
                    .extracting(p -> p.getFileName().toString())
                    .containsExactlyElementsOf(sample.photos().stream()
                            .map(SampleCatalog.Photo::file)
                            .toList());
        }
    }

    @Test
    void theSameShotTakesTheSamePhotoAndViewsDiffer() {
        Shot front = new Shot(240, 240, View.FRONT, Backdrop.LINEN, 3);
        Shot angled = new Shot(240, 240, View.ANGLED, Backdrop.LINEN, 3);
        Color green = new Color(46, 94, 70);
        assertThat(SampleProducts.mugPhoto(green, front)).isEqualTo(SampleProducts.mugPhoto(green, front));
        assertThat(Probe.difference(
                        decode(SampleProducts.mugPhoto(green, front)), decode(SampleProducts.mugPhoto(green, angled))))
                .isGreaterThan(2);
        Color rose = new Color(150, 30, 70);
        assertThat(Probe.difference(
                        decode(SampleProducts.perfumePhoto(rose, front)),
                        decode(SampleProducts.perfumePhoto(rose, angled))))
                .isGreaterThan(2);
    }

    private static BufferedImage decode(byte[] jpeg) {
        try {
            return Images.decode(jpeg);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
