package dev.campaignstudio.server.adapter.out.jdbc;

import dev.campaignstudio.core.job.StepRecord;
import dev.campaignstudio.server.json.JsonCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A step's or checkpoint's file list as stored: {@code [{"asset_id": ..., "role": ...}]}. */
final class StepAssetsJson {

    private StepAssetsJson() {}

    static String write(List<StepRecord.StepAsset> assets) {
        List<Object> tree = new ArrayList<>();
        for (StepRecord.StepAsset asset : assets) {
            Map<String, Object> ref = new LinkedHashMap<>();
            ref.put("asset_id", asset.assetId());
            ref.put("role", asset.role());
            tree.add(ref);
        }
        return JsonCodec.write(tree);
    }

    static List<StepRecord.StepAsset> read(String json) {
        List<StepRecord.StepAsset> refs = new ArrayList<>();
        if (json != null) {
            for (Object item : (List<?>) JsonCodec.parseStored(json)) {
                Map<?, ?> ref = (Map<?, ?>) item;
                refs.add(new StepRecord.StepAsset((String) ref.get("asset_id"), (String) ref.get("role")));
            }
        }
        return refs;
    }
}
