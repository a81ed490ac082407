package dev.campaignstudio.server.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.fixtures.RequestFixture;
import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.EmbeddedSystemTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Thousands of mutated job payloads, structural and byte-level: none may make the service answer 5xx. */
class MutatedPayloadSystemTest extends EmbeddedSystemTest {

    private static final int PAYLOADS = 3000;

    @Test
    void noMutatedPayloadGetsA5xx() {
        long seed = Long.getLong("mutation.seed", System.nanoTime());
        Random random = new Random(seed);
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < PAYLOADS; i++) {
            String body = mutate(random, i);
            ApiClient.Response response = random.nextInt(20) == 0
                    ? api.post(
                            "/v1/jobs",
                            random.nextBoolean() ? "text/plain" : "application/json; charset=utf-8",
                            body.getBytes(StandardCharsets.UTF_8))
                    : api.postJson("/v1/jobs", body);
            statuses.merge(response.status(), 1, Integer::sum);
            assertThat(response.status())
                    .as("seed %d, payload %d: %s -> %s", seed, i, abbreviate(body), abbreviate(response.body()))
                    .isLessThan(500);
            assertThat(response.body()).as("seed %d, payload %d", seed, i).doesNotContain("\tat ", "Exception");
        }
        System.out.println("mutated payloads by status (seed " + seed + "): " + statuses);
        assertThat(statuses.keySet())
                .as("the mutations reach both acceptance and refusal")
                .contains(201, 422, 400);
    }

    private static String mutate(Random random, int n) {
        List<RequestFixture> bases = List.of(
                RequestFixture.creation(),
                RequestFixture.output("image_bundle"),
                RequestFixture.output("fast_video"),
                RequestFixture.output("script_video"),
                RequestFixture.output("ugc"),
                RequestFixture.retry("job_01JD3Z8Q4W6T9X2V5B7N0M1K3H", "scene_video"));
        Map<String, Object> tree = bases.get(random.nextInt(bases.size()))
                .with("idempotency_key", "mut-" + n + "-" + random.nextInt())
                .tree();
        int structural = random.nextInt(4);
        for (int i = 0; i < structural; i++) {
            mutateTree(random, tree);
        }
        String json = ApiClient.json(tree);
        if (random.nextInt(4) == 0) {
            json = mutateBytes(random, json);
        }
        return json;
    }

    @SuppressWarnings("unchecked")
    private static void mutateTree(Random random, Map<String, Object> root) {
        List<Object> containers = new ArrayList<>();
        collect(root, containers);
        Object target = containers.get(random.nextInt(containers.size()));
        if (target instanceof Map<?, ?> map) {
            Map<String, Object> m = (Map<String, Object>) map;
            List<String> keys = new ArrayList<>(m.keySet());
            int action = random.nextInt(3);
            if (action == 0 && !keys.isEmpty()) {
                m.remove(keys.get(random.nextInt(keys.size())));
            } else if (action == 1 && !keys.isEmpty()) {
                m.put(keys.get(random.nextInt(keys.size())), randomValue(random));
            } else {
                m.put(randomKey(random), randomValue(random));
            }
        } else if (target instanceof List<?> list) {
            List<Object> l = (List<Object>) list;
            if (!l.isEmpty() && random.nextBoolean()) {
                l.set(random.nextInt(l.size()), randomValue(random));
            } else {
                l.add(randomValue(random));
            }
        }
    }

    private static void collect(Object node, List<Object> out) {
        if (node instanceof Map<?, ?> map) {
            out.add(map);
            map.values().forEach(v -> collect(v, out));
        } else if (node instanceof List<?> list) {
            out.add(list);
            list.forEach(v -> collect(v, out));
        }
    }

    private static String randomKey(Random random) {
        String[] keys = {
            "settings",
            "mode",
            "prompt",
            "job_id",
            "target",
            "scene_order",
            "stage",
            "duration_s",
            "uri",
            "images",
            "callback",
            "url",
            "metadata",
            "attributes",
            "colors",
            "contract_version",
            "job_type",
            "x",
            "",
            "~/",
            "\u0000"
        };
        return keys[random.nextInt(keys.length)];
    }

    private static Object randomValue(Random random) {
        switch (random.nextInt(16)) {
            case 0:
                return null;
            case 1:
                return "";
            case 2:
                return "x".repeat(random.nextInt(5000));
            case 3:
                return -random.nextInt(1000);
            case 4:
                return new BigDecimal("1e" + random.nextInt(400));
            case 5:
                return random.nextBoolean();
            case 6:
                return new ArrayList<>(List.of(1, "a", new LinkedHashMap<>()));
            case 7:
                return new LinkedHashMap<>(Map.of("uri", "https://cdn.example.com/" + random.nextInt()));
            case 8:
                return "asset:ast_" + "0".repeat(random.nextInt(30));
            case 9:
                return "\u0000\u001f\ud83d\ude00 emoji";
            case 10:
                return random.nextDouble();
            case 11:
                return deep(random.nextInt(200));
            case 12:
                return "javascript:alert(1)";
            case 13:
                return new LinkedHashMap<>(Map.of("stage", "scene_image", "scene_order", random.nextInt(100) - 50));
            case 14:
                return Long.MAX_VALUE;
            default:
                return "9:16";
        }
    }

    private static Object deep(int depth) {
        Object node = 1;
        for (int i = 0; i < depth; i++) {
            node = new ArrayList<>(List.of(node));
        }
        return node;
    }

    private static String mutateBytes(Random random, String json) {
        StringBuilder text = new StringBuilder(json);
        switch (random.nextInt(4)) {
            case 0 -> text.setLength(random.nextInt(text.length() + 1));
            case 1 -> {
                String alphabet = "{}[]\",:\\ a0-";
                text.setCharAt(random.nextInt(text.length()), alphabet.charAt(random.nextInt(alphabet.length())));
            }
            case 2 -> text.insert(random.nextInt(text.length() + 1), "\u0000\uFFFF\"");
            default -> text.append(",{}");
        }
        return text.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
