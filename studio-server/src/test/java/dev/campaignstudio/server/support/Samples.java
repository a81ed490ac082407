package dev.campaignstudio.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The sample products in the repository's {@code samples/} folder, uploaded through the API for system tests. */
public final class Samples {

    private Samples() {}

    /** The {@code samples/} folder, found from the module's working directory. */
    public static Path folder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("samples")) && Files.exists(dir.resolve("mvnw"))) {
                return dir.resolve("samples");
            }
        }
        throw new IllegalStateException(
                "no samples/ folder above " + Path.of("").toAbsolutePath());
    }

    /** A sample's {@code product.json} as a tree. */
    public static Map<String, Object> product(String id) {
        try {
            return ApiClient.parse(Files.readString(folder().resolve(id).resolve("product.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of a sample's photo. */
    public static byte[] photo(String id, String file) {
        try {
            return Files.readAllBytes(folder().resolve(id).resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Uploads one photo; returns its {@code asset:<id>} reference. */
    public static String upload(ApiClient api, String fileName, byte[] data) {
        ApiClient.Response uploaded =
                api.upload("file", fileName, fileName.endsWith(".png") ? "image/png" : "image/jpeg", data);
        assertThat(uploaded.status()).as(uploaded.body()).isIn(200, 201);
        return "asset:" + uploaded.json().get("id").asString();
    }

    /**
     * The sample as a job's {@code product} object: its photos uploaded and referenced as assets, the {@code prompt}
     * sibling removed.
     */
    public static Map<String, Object> uploaded(ApiClient api, String id) {
        Map<String, Object> product = new LinkedHashMap<>(product(id));
        product.remove("prompt");
        if (product.get("link") == null) {
            product.remove("link");
        }
        List<Object> images = new ArrayList<>();
        for (Object item : (List<?>) product.get("images")) {
            String file = (String) ((Map<?, ?>) item).get("uri");
            images.add(Map.of("uri", upload(api, file, photo(id, file))));
        }
        product.put("images", images);
        return product;
    }
}
