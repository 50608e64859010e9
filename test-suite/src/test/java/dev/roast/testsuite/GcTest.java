package dev.roast.testsuite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The collector under load (the [interpreter] issue's GC tests), each program
 * in its own `roast vm` process under a time limit that ends in SIGKILL:
 * about 20 GB of short-lived objects run in a 64 MiB heap, and a program that
 * keeps everything it allocates ends in MemoryError with a traceback.
 */
class GcTest {
    private static final Pattern STATS = Pattern.compile(
            "gc: (\\d+) collections, .*peak heap in use ([0-9.]+) MiB of (\\d+) MiB; ([0-9.]+) MiB allocated");

    private record Run(int status, String stdout, String stderr) {}

    private static Run roast(String... args) throws Exception {
        Path jar = SuitePrograms.suiteDir().resolve("../vm/target/roast.jar").normalize();
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var cmd = new ArrayList<>(List.of(javaBin, "-XX:+UseSerialGC", "-Xms16m", "-jar", jar.toString(), "vm"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("gc-out", ".txt"), err = Files.createTempFile("gc-err", ".txt");
        Process p = new ProcessBuilder(cmd).directory(SuitePrograms.suiteDir().toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly(); // SIGKILL
            p.waitFor();
            throw new AssertionError("did not finish within 300 s (killed)");
        }
        var r = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return r;
    }

    @Test
    void twentyGigabytesOfShortLivedObjectsRunInASmallHeap() throws Exception {
        Run r = roast("--max-heap=64m", "--gc-stats", "gc/churn.roast");
        assertEquals(0, r.status(), r.stderr());
        assertEquals("13200000000\n", r.stdout());
        var m = STATS.matcher(r.stderr());
        assertTrue(m.find(), r.stderr());
        assertTrue(Integer.parseInt(m.group(1)) > 100, "collections: " + m.group(1));
        assertTrue(Double.parseDouble(m.group(2)) <= 64.0, "peak heap in use: " + m.group(2) + " MiB");
        assertTrue(Double.parseDouble(m.group(4)) > 19_000, "allocated: " + m.group(4) + " MiB");
    }

    @Test
    void aProgramThatKeepsGrowingEndsInMemoryError() throws Exception {
        Run r = roast("--max-heap=32m", "gc/grow.roast");
        assertEquals(1, r.status(), r.stderr());
        assertEquals("growing\n", r.stdout());
        assertTrue(r.stderr().startsWith("Traceback (most recent call last):\n"), r.stderr());
        assertTrue(r.stderr().contains("line 6, in grow\n"), r.stderr());
        assertTrue(r.stderr().endsWith("\nMemoryError\n"), r.stderr());
        assertTrue(!r.stderr().contains("\tat "), "no Java stack trace");
    }
}
