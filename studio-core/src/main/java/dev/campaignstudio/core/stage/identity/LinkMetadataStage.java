package dev.campaignstudio.core.stage.identity;

import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.LinkReader;
import dev.campaignstudio.core.capability.LinkReader.PageFacts;
import dev.campaignstudio.core.capability.StepFault;
import dev.campaignstudio.core.checkpoint.ProductCheckpoint;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.port.out.CheckpointStore;
import dev.campaignstudio.core.stage.Capabilities;
import dev.campaignstudio.core.stage.CheckpointedStage;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code link_metadata} (only for products with a link): title, description, brand, price, currency and images from the
 * product page. A page that cannot be read (unreachable, too large, not HTML, refused by the outbound rules) leaves the
 * step succeeded with a {@code warning}; the job goes on without the page's facts. Facts read cleanly are kept for
 * {@code maxAge}, as pages change; facts read with a warning are not kept, so the next job tries again.
 */
public final class LinkMetadataStage extends CheckpointedStage<URI> {

    private static final System.Logger log = System.getLogger(LinkMetadataStage.class.getName());

    private final Capabilities capabilities;
    private final Duration maxAge;

    public LinkMetadataStage(Capabilities capabilities, CheckpointStore checkpoints, Duration maxAge) {
        super(checkpoints);
        this.capabilities = capabilities;
        this.maxAge = maxAge;
    }

    @Override
    protected Prepared<URI> prepare(StepContext context) {
        String link = context.inputs().product().link();
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("link", link);
        inputs.put("link_reader", capabilities.maker(Capability.LINK_READER));
        return new Prepared<>(inputs, URI.create(link));
    }

    @Override
    protected Optional<String> unusable(ProductCheckpoint checkpoint, StepContext context) throws IOException {
        if (!checkpoint.createdAt().plus(maxAge).isAfter(context.clock().instant())) {
            return Optional.of("the kept facts were read at " + checkpoint.createdAt() + ", longer ago than " + maxAge);
        }
        return super.unusable(checkpoint, context);
    }

    @Override
    protected Produced produce(StepContext context, URI link) throws StepFault {
        PageFacts facts;
        if (!capabilities.has(Capability.LINK_READER)) {
            facts = warning("no adapter is bound to the link_reader capability");
        } else {
            try {
                facts = capabilities
                        .port(Capability.LINK_READER, LinkReader.class)
                        .read(link);
            } catch (RuntimeException bug) {
                log.log(System.Logger.Level.ERROR, "the link reader failed unexpectedly", bug);
                facts = warning("the page could not be read (the failure is logged)");
            }
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("title", facts.title());
        outputs.put("description", facts.description());
        outputs.put("brand", facts.brand());
        outputs.put("price", facts.price());
        outputs.put("currency", facts.currency());
        outputs.put("images", facts.images());
        outputs.put("warning", facts.warning());
        return new Produced(outputs, capabilities.adapter(Capability.LINK_READER), facts.warning() == null);
    }

    private static PageFacts warning(String why) {
        return new PageFacts(null, null, null, null, null, null, why);
    }

    /** The page facts worth passing on (title, description, brand, price, currency), from a step's outputs. */
    public static Map<String, String> pageFacts(Map<String, Object> outputs) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (String key : new String[] {"title", "description", "brand", "price", "currency"}) {
            Object value = outputs.get(key);
            if (value != null && !value.toString().isBlank()) {
                facts.put(key, value.toString());
            }
        }
        return facts;
    }
}
