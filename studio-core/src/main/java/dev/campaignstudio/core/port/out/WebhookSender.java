package dev.campaignstudio.core.port.out;

import dev.campaignstudio.core.callback.SendResult;
import java.net.URI;
import java.util.Map;

/** POSTs signed callbacks, under the outbound rules (every address checked, redirects re-checked, time capped). */
public interface WebhookSender {

    /**
     * POSTs {@code body} with {@code headers} to {@code url}.
     *
     * @return the receiver's answer, why none came, or why the request was refused before sending
     */
    SendResult post(URI url, Map<String, String> headers, byte[] body);
}
