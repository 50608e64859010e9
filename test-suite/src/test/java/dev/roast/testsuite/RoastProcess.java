package dev.roast.testsuite;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs `roast` (vm/target/roast.jar) in its own process under a time limit that ends in SIGKILL: machine
 * code can spin where SIGTERM does not stop it. A JVM crash report goes to {@code crashDir}, where tests
 * look for it.
 */
final class RoastProcess {
    private RoastProcess() {}

    /** What one run gave. */
    record Outcome(int status, String stdout, String stderr, boolean timedOut) {}

    static Outcome run(Path dir, List<String> args, long timeLimitSeconds, Path crashDir) {
        Path jar = SuitePrograms.suiteDir().resolve("../vm/target/roast.jar").normalize();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:ErrorFile=" + crashDir.resolve("hs_err_pid%p.log"), "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString()));
        command.addAll(args);
        var pb = new ProcessBuilder(command).directory(dir.toFile());
        try {
            Path out = Files.createTempFile("roast-out", ".txt"), err = Files.createTempFile("roast-err", ".txt");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Process p = pb.start();
            boolean finished = p.waitFor(timeLimitSeconds, TimeUnit.SECONDS);
            if (!finished) {
                p.destroyForcibly(); // SIGKILL
                p.waitFor();
            }
            var o = new Outcome(finished ? p.exitValue() : -1, Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), !finished);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return o;
        } catch (IOException e) {
            return new Outcome(-1, "", e.toString(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(-1, "", "interrupted", false);
        }
    }

    /** Lists the JVM crash reports in {@code crashDir}. */
    static List<String> crashes(Path crashDir) throws IOException {
        if (!Files.isDirectory(crashDir)) return List.of();
        try (var files = Files.list(crashDir)) {
            return files.map(Path::toString).filter(n -> n.contains("hs_err")).toList();
        }
    }
}
