package dev.campaignstudio.providers.remote;

import dev.campaignstudio.core.engine.StepFault;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** What a provider's file is, read from its header: the APIs do not say, and a file that is not what was asked fails the step. */
final class MediaFacts {

    private MediaFacts() {
    }

    /** Width and height of a PNG or JPEG. */
    static int[] imageSize(byte[] data, String provider) throws StepFault {
        if (data.length > 24 && (data[0] & 0xFF) == 0x89 && data[1] == 'P' && data[2] == 'N' && data[3] == 'G') {
            ByteBuffer header = ByteBuffer.wrap(data, 16, 8).order(ByteOrder.BIG_ENDIAN);
            return new int[] {header.getInt(), header.getInt()};
        }
        if (data.length > 4 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xD8) {
            int i = 2;
            while (i + 9 < data.length) {
                if ((data[i] & 0xFF) != 0xFF) {
                    i++;
                    continue;
                }
                int marker = data[i + 1] & 0xFF;
                int length = ((data[i + 2] & 0xFF) << 8) | (data[i + 3] & 0xFF);
                if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                    int height = ((data[i + 5] & 0xFF) << 8) | (data[i + 6] & 0xFF);
                    int width = ((data[i + 7] & 0xFF) << 8) | (data[i + 8] & 0xFF);
                    return new int[] {width, height};
                }
                i += 2 + length;
            }
        }
        throw StepFault.permanent("PROVIDER_ERROR", provider + " returned an image that is neither PNG nor JPEG");
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
