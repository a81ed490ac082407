package dev.campaignstudio.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.asset.Asset;
import dev.campaignstudio.core.asset.AssetId;
import dev.campaignstudio.core.asset.AssetKind;
import dev.campaignstudio.core.asset.DownloadLink;
import dev.campaignstudio.core.asset.Sha256;
import dev.campaignstudio.core.fixtures.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SignedAssetUrlsTest {

    private static final String SECRET = "a-signing-secret-of-some-length";
    private static final Pattern LINK =
            Pattern.compile("https://studio\\.example/v1/assets/([^?]+)\\?expires=([0-9]+)&sig=([A-Za-z0-9_-]+)");

    private final MutableClock clock = MutableClock.startingNow();
    private final SignedAssetUrls urls = new SignedAssetUrls(
            SECRET, () -> Optional.of(URI.create("https://studio.example/")), Duration.ofHours(24), clock);
    private final Asset asset = new Asset(
            AssetId.next(clock),
            AssetKind.VIDEO,
            "video/mp4",
            Sha256.hex("clip"),
            4,
            null,
            null,
            1000L,
            clock.instant());

    private Map<String, String> parts(DownloadLink link) {
        Matcher m = LINK.matcher(link.url().toString());
        assertThat(m.matches()).as(link.url().toString()).isTrue();
        return Map.of("id", m.group(1), "expires", m.group(2), "sig", m.group(3));
    }

    @Test
    void aLinkNamesTheAssetUnderThePublicUrlAndVerifiesUntilItExpires() {
        DownloadLink link = urls.link(asset).orElseThrow();
        Map<String, String> parts = parts(link);

        assertThat(parts.get("id")).isEqualTo(asset.id().value());
        assertThat(link.expiresAt())
                .isAfterOrEqualTo(clock.instant().plus(Duration.ofHours(24)))
                .isBefore(clock.instant().plus(Duration.ofHours(24)).plusSeconds(2));
        assertThat(urls.verify(parts.get("id"), parts.get("expires"), parts.get("sig")))
                .isEqualTo(SignedAssetUrls.Verdict.VALID);

        clock.advance(Duration.ofHours(24).plusSeconds(2));
        assertThat(urls.verify(parts.get("id"), parts.get("expires"), parts.get("sig")))
                .isEqualTo(SignedAssetUrls.Verdict.EXPIRED);
    }

    @Test
    void aLinkWithAnotherAssetALaterTimeOrAnAlteredSignatureIsInvalid() {
        Map<String, String> parts = parts(urls.link(asset).orElseThrow());
        String other = AssetId.next(clock).value();
        String later = String.valueOf(Long.parseLong(parts.get("expires")) + 86_400);
        String sig = parts.get("sig");
        String flipped = (sig.charAt(0) == 'A' ? "B" : "A") + sig.substring(1);

        assertThat(urls.verify(other, parts.get("expires"), sig)).isEqualTo(SignedAssetUrls.Verdict.INVALID);
        assertThat(urls.verify(parts.get("id"), later, sig)).isEqualTo(SignedAssetUrls.Verdict.INVALID);
        assertThat(urls.verify(parts.get("id"), parts.get("expires"), flipped))
                .isEqualTo(SignedAssetUrls.Verdict.INVALID);
        assertThat(urls.verify(parts.get("id"), "soon", sig)).isEqualTo(SignedAssetUrls.Verdict.INVALID);
        assertThat(urls.verify(parts.get("id"), null, sig)).isEqualTo(SignedAssetUrls.Verdict.INVALID);
    }

    @Test
    void aLinkSignedWithAnotherSecretIsInvalid() {
        SignedAssetUrls elsewhere = new SignedAssetUrls(
                "another-secret-entirely-0123",
                () -> Optional.of(URI.create("https://studio.example")),
                Duration.ofHours(1),
                clock);
        Map<String, String> parts = parts(elsewhere.link(asset).orElseThrow());

        assertThat(urls.verify(parts.get("id"), parts.get("expires"), parts.get("sig")))
                .isEqualTo(SignedAssetUrls.Verdict.INVALID);
    }

    @Test
    void aProcessThatDoesNotKnowItsPublicUrlMakesNoLink() {
        SignedAssetUrls worker = new SignedAssetUrls(SECRET, Optional::empty, Duration.ofHours(1), clock);

        assertThat(worker.link(asset)).isEmpty();
    }
}
