package dev.campaignstudio.core.id;

import java.security.SecureRandom;
import java.time.Clock;

/** Time-ordered 26-character identifiers (ULID, Crockford base32): sortable by creation time, unique without coordination. */
public final class Ulid {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ulid() {}

    /** A new identifier for the current time of {@code clock}. */
    public static String next(Clock clock) {
        long time = clock.millis();
        byte[] entropy = new byte[10];
        RANDOM.nextBytes(entropy);
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        long hi = 0;
        for (int i = 0; i < 5; i++) {
            hi = (hi << 8) | (entropy[i] & 0xff);
        }
        long lo = 0;
        for (int i = 5; i < 10; i++) {
            lo = (lo << 8) | (entropy[i] & 0xff);
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = ALPHABET[(int) (hi & 31)];
            hi >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = ALPHABET[(int) (lo & 31)];
            lo >>>= 5;
        }
        return new String(out);
    }

    /** True when {@code text} has the shape of an identifier made by {@link #next(Clock)}. */
    public static boolean isValid(String text) {
        if (text == null || text.length() != 26) {
            return false;
        }
        for (int i = 0; i < 26; i++) {
            if (indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return indexOf(text.charAt(0)) <= 7;
    }

    private static int indexOf(char c) {
        for (int i = 0; i < ALPHABET.length; i++) {
            if (ALPHABET[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
