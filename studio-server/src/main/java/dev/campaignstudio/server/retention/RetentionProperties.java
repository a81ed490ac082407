package dev.campaignstudio.server.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code studio.retention.*}: how long what is finished is kept; an age left unset keeps it for ever. See
 * docs/operations.md, "Retention and deletion".
 *
 * @param jobs           finished jobs, with everything they made, are deleted this long after they ended
 * @param events         events of finished jobs are deleted this long after they occurred
 * @param deliveries     callback deliveries and attempts of finished jobs, this long after the job ended
 * @param rejectedImages images the fidelity loop rejected, this long after they were checked
 * @param sweep          how often the maintenance role applies these
 */
@ConfigurationProperties("studio.retention")
public record RetentionProperties(
        Duration jobs, Duration events, Duration deliveries, Duration rejectedImages, Duration sweep) {

    public RetentionProperties {
        sweep = sweep == null ? Duration.ofHours(1) : sweep;
    }
}
