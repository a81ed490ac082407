package dev.campaignstudio.core.capability;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file an adapter made or a stage read, with its media facts: small files (images, speech) in memory, videos in a
 * local file ({@link TempFiles}) so that no video is ever held whole in memory. Exactly one of {@code data} and
 * {@code file} is set.
 *
 * @param data       the bytes, or {@code null} when they are in {@code file}
 * @param file       a local file holding the bytes, or {@code null} when they are in {@code data}; whoever made the
 *                   {@code MediaFile} hands the file on with it, and the stage that receives it deletes it
 * @param mediaType  IANA media type, e.g. {@code image/png}, {@code video/mp4}, {@code audio/wav}
 * @param width      pixels, or {@code null}
 * @param height     pixels, or {@code null}
 * @param durationMs length of audio or video, or {@code null}
 */
public record MediaFile(byte[] data, Path file, String mediaType, Integer width, Integer height, Long durationMs) {

    public MediaFile {
        if ((data == null) == (file == null)) {
            throw new IllegalArgumentException("a media file is either in memory or in a local file");
        }
        Objects.requireNonNull(mediaType, "mediaType");
    }

    /** A file in memory. */
    public MediaFile(byte[] data, String mediaType, Integer width, Integer height, Long durationMs) {
        this(Objects.requireNonNull(data, "data"), null, mediaType, width, height, durationMs);
    }

    /** An image in memory. */
    public static MediaFile image(byte[] data, String mediaType, int width, int height) {
        return new MediaFile(data, mediaType, width, height, null);
    }

    /** A file on local disk (a video), which the receiver reads as a stream or by its path and deletes when done. */
    public static MediaFile inFile(Path file, String mediaType, Integer width, Integer height, Long durationMs) {
        return new MediaFile(null, Objects.requireNonNull(file, "file"), mediaType, width, height, durationMs);
    }

    /**
     * The bytes, whole in memory: for images, speech and other small files. A file on disk is read whole, so code on
     * the video path uses {@link #open()} or {@link #file()} instead.
     */
    @Override
    public byte[] data() {
        if (data != null) {
            return data;
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the bytes are in a local file rather than in memory. */
    public boolean onDisk() {
        return file != null;
    }

    /** The bytes as a stream, read from the file when there is one. The caller closes it. */
    public InputStream open() throws IOException {
        return data != null ? new ByteArrayInputStream(data) : Files.newInputStream(file);
    }

    /** The same content with another stated length (e.g. the length a clip is laid out at). */
    public MediaFile withDurationMs(Long length) {
        return new MediaFile(data, file, mediaType, width, height, length);
    }
}
