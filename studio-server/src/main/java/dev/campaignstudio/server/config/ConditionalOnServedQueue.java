package dev.campaignstudio.server.config;

import dev.campaignstudio.core.job.WorkQueue;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Creates the bean only in processes that serve the given queue ({@code studio.engine.queues}). */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Conditional(ConditionalOnServedQueue.OnServedQueue.class)
public @interface ConditionalOnServedQueue {

    /** The queue. */
    WorkQueue value();

    /** Reads the served queues as {@link dev.campaignstudio.server.engine.EngineProperties} does (all by default). */
    final class OnServedQueue implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnServedQueue.class.getName());
            WorkQueue queue = (WorkQueue) attributes.get("value");
            return Binder.get(context.getEnvironment())
                    .bind("studio.engine.queues", String[].class)
                    .map(queues -> java.util.Arrays.stream(queues)
                            .map(q -> q.trim().toLowerCase(Locale.ROOT))
                            .anyMatch(queue.wire()::equals))
                    .orElse(true);
        }
    }
}
