package dev.campaignstudio.core.stage.output;

/** The rhythm of a fast video: music tempo, crossfades and the closing card. */
final class FastCut {

    /** Tempo of the music bed. */
    static final int BPM = 120;
    /** One beat: cuts fall on multiples of it. */
    static final long BEAT_MS = 60_000L / BPM;
    /** Crossfade between scenes; it starts on the beat where the scene's planned time ends. */
    static final long TRANSITION_MS = 250;
    /** The closing card with the product's name (three beats). */
    static final long END_CARD_MS = 3 * BEAT_MS;

    private FastCut() {}
}
