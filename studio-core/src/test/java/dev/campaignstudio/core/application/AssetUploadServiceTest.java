package dev.campaignstudio.core.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.fixtures.FakeImageDecoder;
import dev.campaignstudio.core.fixtures.InMemoryAssets;
import dev.campaignstudio.core.fixtures.MutableClock;
import dev.campaignstudio.core.fixtures.TestImages;
import dev.campaignstudio.core.port.in.UploadOutcome;
import dev.campaignstudio.core.port.in.UploadOutcome.Reason;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetUploadServiceTest {

    private final InMemoryAssets assets = new InMemoryAssets();
    private final FakeImageDecoder decoder = new FakeImageDecoder();
    private final AssetUploadService service = new AssetUploadService(
            assets, assets, decoder, new UploadLimits(1_000_000, 40_000_000), MutableClock.startingNow());

    @Test
    void storesAPngWithItsMediaFacts() {
        UploadOutcome outcome = service.upload(TestImages.png(320, 200, Color.ORANGE));
        assertThat(outcome).isInstanceOfSatisfying(UploadOutcome.Stored.class, stored -> {
            assertThat(stored.created()).isTrue();
            assertThat(stored.asset().mediaType()).isEqualTo("image/png");
            assertThat(stored.asset().width()).isEqualTo(320);
            assertThat(stored.asset().height()).isEqualTo(200);
            assertThat(assets.contains(stored.asset().sha256())).isTrue();
        });
    }

    @Test
    void sameBytesTwiceAreOneAsset() {
        byte[] image = TestImages.jpeg(100, 100, Color.BLUE);
        UploadOutcome.Stored first = (UploadOutcome.Stored) service.upload(image);
        UploadOutcome.Stored second = (UploadOutcome.Stored) service.upload(image);
        assertThat(second.asset()).isEqualTo(first.asset());
        assertThat(second.created()).isFalse();
        assertThat(assets.recordCount()).isEqualTo(1);
    }

    @Test
    void refusesWhatIsNotAnImageWithoutStoringIt() {
        assertThat(service.upload("%PDF-1.7 not an image".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        UploadOutcome.Refused.class, r -> assertThat(r.reason()).isEqualTo(Reason.UNSUPPORTED_TYPE));
        assertThat(service.upload(new byte[0]))
                .isInstanceOfSatisfying(
                        UploadOutcome.Refused.class, r -> assertThat(r.reason()).isEqualTo(Reason.EMPTY));
        assertThat(assets.recordCount()).isZero();
        assertThat(assets.blobCount()).isZero();
    }

    @Test
    void refusesTooManyPixelsBeforeDecoding() {
        UploadOutcome outcome = service.upload(TestImages.hugePng(20000, 20000));
        assertThat(outcome).isInstanceOfSatisfying(UploadOutcome.Refused.class, r -> {
            assertThat(r.reason()).isEqualTo(Reason.TOO_MANY_PIXELS);
            assertThat(r.message()).contains("20000x20000", "the limit is 40000000 pixels");
        });
        assertThat(decoder.calls()).isZero();
        assertThat(assets.blobCount()).isZero();
    }

    @Test
    void refusesImagesThatDoNotDecodeWholeSayingWhy() {
        byte[] cut = Arrays.copyOf(TestImages.png(50, 50, Color.RED), 60);
        decoder.damaged(cut, "its data ends before the image is complete");
        assertThat(service.upload(cut)).isInstanceOfSatisfying(UploadOutcome.Refused.class, r -> {
            assertThat(r.reason()).isEqualTo(Reason.UNREADABLE);
            assertThat(r.message())
                    .isEqualTo(
                            "the file is a damaged or truncated PNG image: its data ends before the image is complete");
        });
        assertThat(assets.blobCount()).isZero();
    }

    @Test
    void aSoundImageIsDecodedOnceBeforeItIsStored() {
        service.upload(TestImages.jpeg(64, 48, Color.GREEN));
        assertThat(decoder.calls()).isEqualTo(1);
        assertThat(assets.blobCount()).isEqualTo(1);
    }

    @Test
    void theStagedFileIsCheckedFromDiskAndDeletedWhateverTheOutcome(@TempDir Path staging) throws IOException {
        AssetUploadService staged = new AssetUploadService(
                assets, assets, decoder, new UploadLimits(1_000_000, 40_000_000), MutableClock.startingNow(), staging);
        byte[] cut = Arrays.copyOf(TestImages.png(50, 50, Color.RED), 60);
        decoder.damaged(cut, "its data ends before the image is complete");
        assertThat(staged.upload(cut)).isInstanceOf(UploadOutcome.Refused.class);
        assertThat(staged.upload(TestImages.png(40, 30, Color.BLUE))).isInstanceOf(UploadOutcome.Stored.class);
        assertThat(decoder.calls()).isEqualTo(2);
        try (Stream<Path> left = Files.list(staging)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void refusesPastTheByteLimitWithoutDecoding() {
        AssetUploadService small = new AssetUploadService(
                assets, assets, decoder, new UploadLimits(100, 40_000_000), MutableClock.startingNow());
        assertThat(small.upload(TestImages.jpeg(64, 64, Color.GRAY)))
                .isInstanceOfSatisfying(
                        UploadOutcome.Refused.class, r -> assertThat(r.reason()).isEqualTo(Reason.TOO_MANY_BYTES));
        assertThat(decoder.calls()).isZero();
        assertThat(assets.blobCount()).isZero();
    }
}
