package dev.campaignstudio.core.pipeline;

/** The stage names of the built-in pipelines (docs/modes.md and docs/identity.md). */
public final class Stages {

    public static final String NEUTRAL_IMAGE = "neutral_image";
    public static final String METADATA = "metadata";
    public static final String CHARACTER_SHEET = "character_sheet";
    public static final String LINK_METADATA = "link_metadata";
    public static final String STORYBOARD_SEEDS = "storyboard_seeds";
    public static final String EMIT = "emit";
    public static final String CONCEPTS = "concepts";
    public static final String SCENE_IMAGE = "scene_image";
    public static final String FINALIZE_BUNDLE = "finalize_bundle";
    public static final String STORYBOARD = "storyboard";
    public static final String SCENE_VIDEO = "scene_video";
    public static final String STITCH = "stitch";
    public static final String SCRIPT = "script";
    public static final String VOICEOVER = "voiceover";
    public static final String SEGMENT_IMAGE = "segment_image";
    public static final String SEGMENT_VIDEO = "segment_video";
    public static final String TIMED_VIDEO = "timed_video";
    public static final String INTERPRET_PROMPT = "interpret_prompt";
    public static final String SCRIPT_STORYBOARD = "script_storyboard";
    public static final String UGC_MEDIA = "ugc_media";
    public static final String ASSEMBLE = "assemble";

    private Stages() {}
}
