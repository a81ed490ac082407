package dev.campaignstudio.core.contract;

/** Size limits of the job contract, shared by the reader, the records and the documentation. */
public final class Limits {

    /** The contract version this service reads and writes. */
    public static final int CONTRACT_VERSION = 2;

    public static final int IDEMPOTENCY_KEY_MAX = 128;
    public static final int PRODUCT_ID_MAX = 128;
    public static final int NAME_MAX = 200;
    public static final int IMAGES_MIN = 1;
    public static final int IMAGES_MAX = 8;
    public static final int URL_MAX = 2048;
    public static final int PROMPT_MAX = 4000;
    public static final int SCRIPT_MAX = 10_000;
    public static final int ATTRIBUTE_MAX = 100;
    public static final int DESCRIPTION_MAX = 2000;
    public static final int COLORS_MAX = 10;
    public static final int METADATA_KEYS_MAX = 16;
    public static final int METADATA_KEY_MAX = 64;
    public static final int METADATA_VALUE_MAX = 512;
    public static final int VOICE_MAX = 64;
    public static final int MAX_ATTEMPTS_MAX = 5;
    public static final int STAGE_NAME_MAX = 64;
    public static final int SCENE_ORDER_MAX = 64;

    /** Printable ASCII without spaces: safe in logs, headers and file names. */
    public static final String KEY_PATTERN = "[\\x21-\\x7E]+";
    /** Product ids: letters, digits and {@code . _ : -}. */
    public static final String PRODUCT_ID_PATTERN = "[A-Za-z0-9._:-]+";
    /** Secret references: lower-case letters, digits, {@code _} and {@code -}. */
    public static final String SECRET_REF_PATTERN = "[a-z0-9_-]{1,64}";
    /** Language tags such as {@code en} or {@code pt-BR}. */
    public static final String LANGUAGE_PATTERN = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*";
    /** Voice names: letters, digits and {@code . _ -}. */
    public static final String VOICE_PATTERN = "[A-Za-z0-9._-]+";
    /** Stage names as the pipelines spell them. */
    public static final String STAGE_PATTERN = "[a-z][a-z0-9_]*";

    private Limits() {}
}
