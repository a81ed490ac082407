package dev.campaignstudio.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Finds an ffmpeg command line that runs: the one bundled with JavaCV's FFmpeg, else one on the PATH. */
final class Ffmpeg {

    private Ffmpeg() {}

    static Path locate() {
        try {
            String bundled = org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
            if (bundled != null && runs(Path.of(bundled))) {
                return Path.of(bundled);
            }
        } catch (Throwable unusable) {
            // the bundled binary needs system libraries (libpulse) that may be missing
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "ffmpeg");
            if (Files.isExecutable(candidate) && runs(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean runs(Path binary) {
        try {
            Process process = new ProcessBuilder(binary.toString(), "-hide_banner", "-encoders")
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes());
            return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0 && output.contains("libopenh264");
        } catch (Exception e) {
            return false;
        }
    }
}
