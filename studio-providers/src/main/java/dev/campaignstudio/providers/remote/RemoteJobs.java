package dev.campaignstudio.providers.remote;

import dev.campaignstudio.core.asset.Sha256;
import dev.campaignstudio.core.capability.StepFault;
import dev.campaignstudio.core.engine.StepJournal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A provider's job ids written down in the step's notes before the job is waited for, so that a later attempt of the
 * step (after a crash, a timeout or a failed poll) finds the job it paid for and waits for it again instead of
 * submitting a second one. A job is found by provider and by the fingerprint of what was asked (a fidelity loop's
 * regeneration asks for something else, and gets a new job); a job that ended badly or was cancelled is closed with a
 * second note, and is not taken up again. The {@code fal} queue's requests and {@code replicate}'s predictions are
 * noted here (docs/providers.md, "Paid work never runs twice").
 */
final class RemoteJobs {

    static final String KIND = "remote_job";
    static final String CLOSED = "remote_job_closed";

    private final String provider;

    RemoteJobs(String provider) {
        this.provider = provider;
    }

    /**
     * What was asked, as the key its job is noted under: the SHA-256 of {@code what} (the model, or the capability when
     * the body names the model) and the request body.
     */
    static String fingerprint(String what, byte[] body) {
        MessageDigest digest = Sha256.digest();
        digest.update(what.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(body);
        return Sha256.hex(digest);
    }

    /** The open job of this provider noted for {@code fingerprint} by any attempt of this step, newest first. */
    Optional<Map<String, Object>> open(String fingerprint) {
        List<Map<String, Object>> notes = StepJournal.current().read();
        for (int i = notes.size() - 1; i >= 0; i--) {
            Map<String, Object> note = notes.get(i);
            if (KIND.equals(note.get("kind"))
                    && provider.equals(note.get("provider"))
                    && fingerprint.equals(note.get("fingerprint"))) {
                return closed(notes, note.get("request_id")) ? Optional.empty() : Optional.of(note);
            }
        }
        return Optional.empty();
    }

    /**
     * The job noted under {@code key} by an attempt made before {@code remote_job} notes existed ({@code {"remote_job":
     * key, "id": ...}}, Replicate's form until 2026-12), unless closed since: read so that a step whose attempt was cut
     * off across the upgrade follows its prediction instead of paying for another.
     */
    Optional<String> openBefore(String key) {
        List<Map<String, Object>> notes = StepJournal.current().read();
        for (int i = notes.size() - 1; i >= 0; i--) {
            if (key.equals(notes.get(i).get("remote_job")) && notes.get(i).get("id") instanceof String id) {
                return closed(notes, id) ? Optional.empty() : Optional.of(id);
            }
        }
        return Optional.empty();
    }

    private boolean closed(List<Map<String, Object>> notes, Object id) {
        return id != null
                && notes.stream()
                        .anyMatch(n -> CLOSED.equals(n.get("kind"))
                                && provider.equals(n.get("provider"))
                                && id.equals(n.get("request_id")));
    }

    /** Writes down a job just submitted, before it is waited for. */
    void opened(String fingerprint, String requestId, Map<String, Object> facts) throws StepFault {
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("kind", KIND);
        note.put("provider", provider);
        note.put("fingerprint", fingerprint);
        note.put("request_id", requestId);
        note.putAll(facts);
        StepJournal.current().write(note);
    }

    /** Writes down that a job is not to be taken up again (it failed, was cancelled, or is gone). */
    void closed(String requestId, String why) {
        try {
            StepJournal.current()
                    .write(Map.of("kind", CLOSED, "provider", provider, "request_id", requestId, "why", why));
        } catch (StepFault | RuntimeException notWritten) {
            // a later attempt then polls the job once more and finds it ended, which costs a poll, not a generation
        }
    }
}
