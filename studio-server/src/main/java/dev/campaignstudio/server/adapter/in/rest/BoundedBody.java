package dev.campaignstudio.server.adapter.in.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body up to a limit, refusing (413) rather than buffering an unbounded stream. */
final class BoundedBody {

    private BoundedBody() {}

    static byte[] read(InputStream in, long declaredLength, long limit) throws IOException {
        if (declaredLength > limit) {
            throw tooLarge(limit);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(declaredLength, 1024), limit));
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > limit) {
                throw tooLarge(limit);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static ApiException tooLarge(long limit) {
        return new ApiException(
                413, "PAYLOAD_TOO_LARGE", "Payload too large", "the request body is larger than " + limit + " bytes");
    }
}
