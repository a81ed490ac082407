package dev.campaignstudio.providers.remote;

import dev.campaignstudio.core.asset.ImageFormat;
import dev.campaignstudio.core.asset.ImageInfo;
import dev.campaignstudio.core.asset.ImageSniffer;
import dev.campaignstudio.core.capability.StepFault;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** What a provider's file is, read from its header: the APIs do not say, and a file that is not what was asked fails the step. */
final class MediaFacts {

    private MediaFacts() {}

    /** The header facts of a PNG or JPEG (a WebP, which later stages do not decode, is refused). */
    static ImageInfo image(byte[] data, String provider) throws StepFault {
        return ImageSniffer.sniff(data)
                .filter(info -> info.format() == ImageFormat.PNG || info.format() == ImageFormat.JPEG)
                .orElseThrow(() -> StepFault.permanent(
                        "PROVIDER_ERROR", provider + " returned an image that is neither PNG nor JPEG"));
    }

    /** Length of a PCM WAV in milliseconds. */
    static long wavMillis(byte[] data, String provider) throws StepFault {
        if (data.length < 44 || data[0] != 'R' || data[1] != 'I' || data[2] != 'F' || data[3] != 'F') {
            throw StepFault.permanent("PROVIDER_ERROR", provider + " returned audio that is not WAV");
        }
        ByteBuffer wav = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int byteRate = 0;
        int at = 12;
        while (at + 8 <= data.length) {
            String id = new String(data, at, 4, java.nio.charset.StandardCharsets.US_ASCII);
            int size = wav.getInt(at + 4);
            if (id.equals("fmt ")) {
                byteRate = wav.getInt(at + 16);
            } else if (id.equals("data") && byteRate > 0) {
                long bytes = size < 0 || at + 8L + size > data.length ? data.length - at - 8L : size;
                return bytes * 1000 / byteRate;
            }
            at += 8 + Math.max(0, size) + (size & 1);
        }
        throw StepFault.permanent("PROVIDER_ERROR", provider + " returned a WAV without audio data");
    }
}
