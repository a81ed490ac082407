package dev.campaignstudio.server.observability;

/** How many fidelity checks the step attempt on this thread has made. */
final class FidelityCounting {

    private static final ThreadLocal<int[]> CHECKS = new ThreadLocal<>();

    private FidelityCounting() {}

    static void begin() {
        CHECKS.set(new int[1]);
    }

    static void count() {
        int[] checks = CHECKS.get();
        if (checks != null) {
            checks[0]++;
        }
    }

    static int end() {
        int[] checks = CHECKS.get();
        CHECKS.remove();
        return checks == null ? 0 : checks[0];
    }
}
