package dev.roast.testsuite;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every test-suite/run program and every runtime-error program with
 * `roast vm` in its own process, under a time limit that ends in SIGKILL,
 * and compares: run/ programs print exactly NAME.out and exit 0;
 * runtime-error/ programs print NAME.out, exit 1, and the last line of stderr
 * begins with the `# raises:` type. While the interpreter is being completed,
 * test-suite/vm-pending.txt names the programs that do not pass yet: an
 * unlisted program must pass, and a listed one must still fail (so the list
 * only shrinks; remove a program from it when it passes). Each run writes the
 * programs failing now to test-suite/target/vm-pending.actual.
 */
class ExecutionTest {
    private static final Pattern RAISES = Pattern.compile("# raises: (\\w+)");
    private static final long TIME_LIMIT_SECONDS = 60;

    /** What one run of a program gave. */
    record Outcome(int status, String stdout, String stderr, boolean timedOut) {}

    private static final Map<Path, Outcome> outcomes = new ConcurrentHashMap<>();
    private static ExecutorService pool;
    private static Set<String> pending;

    @BeforeAll
    static void runEverything() throws Exception {
        pending = new HashSet<>();
        Path list = SuitePrograms.suiteDir().resolve("vm-pending.txt");
        if (Files.exists(list)) {
            for (String line : Files.readAllLines(list)) {
                if (!line.isBlank() && !line.startsWith("#")) pending.add(line.strip());
            }
        }
        pool = Executors.newFixedThreadPool(Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
        var futures = new ArrayList<java.util.concurrent.Future<?>>();
        for (Path p : programs()) futures.add(pool.submit(() -> outcomes.put(p, run(p))));
        for (var f : futures) f.get();
        // The programs failing now, for updating vm-pending.txt by hand after a deliberate look.
        var failing = new java.util.TreeSet<String>();
        for (Path p : programs()) if (problem(p, outcomes.get(p)) != null) failing.add(SuitePrograms.display(p));
        Path actual = SuitePrograms.suiteDir().resolve("target/vm-pending.actual");
        Files.createDirectories(actual.getParent());
        Files.write(actual, failing);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    private static List<Path> programs() {
        var all = new ArrayList<Path>(SuitePrograms.roastFiles(SuitePrograms.suiteDir().resolve("run")));
        all.addAll(SuitePrograms.roastFiles(SuitePrograms.suiteDir().resolve("runtime-error")));
        return all;
    }

    private static Outcome run(Path program) {
        Path jar = SuitePrograms.suiteDir().resolve("../vm/target/roast.jar").normalize();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var pb = new ProcessBuilder(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "vm",
                program.getFileName().toString());
        pb.directory(program.getParent().toFile());
        try {
            Path out = Files.createTempFile("roast-out", ".txt"), err = Files.createTempFile("roast-err", ".txt");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Process p = pb.start();
            boolean finished = p.waitFor(TIME_LIMIT_SECONDS, TimeUnit.SECONDS);
            if (!finished) {
                p.destroyForcibly(); // SIGKILL: compiled code may not stop for SIGTERM
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

    @TestFactory
    Stream<DynamicTest> everyProgramRunsAsCPythonDoes() {
        return programs().stream().map(p -> DynamicTest.dynamicTest(SuitePrograms.display(p), () -> check(p)));
    }

    private static void check(Path program) throws IOException {
        String name = SuitePrograms.display(program);
        Outcome o = outcomes.get(program);
        String problem = problem(program, o);
        if (pending.contains(name)) {
            if (problem == null) fail(name + " passes now: remove it from test-suite/vm-pending.txt");
            return;
        }
        if (problem != null) fail(problem);
    }

    /** What is wrong with this run, or null if it is right. */
    private static String problem(Path program, Outcome o) throws IOException {
        if (o.timedOut()) return "did not finish within " + TIME_LIMIT_SECONDS + " s (killed)";
        String expected = Files.readString(Path.of(program.toString().replaceAll("\\.roast$", ".out")), StandardCharsets.UTF_8);
        if (o.stderr().contains("\tat ")) return "a Java stack trace reached the user:\n" + o.stderr();
        var m = RAISES.matcher(Files.readAllLines(program).get(0));
        if (m.matches()) {
            String[] lines = o.stderr().strip().split("\n");
            String last = lines[lines.length - 1];
            if (o.status() != 1) return "exit status " + o.status() + ", wanted 1; stderr:\n" + o.stderr();
            if (!(last.equals(m.group(1)) || last.startsWith(m.group(1) + ":"))) return "last stderr line '" + last + "', wanted " + m.group(1);
        } else if (o.status() != 0) {
            return "exit status " + o.status() + "; stderr:\n" + o.stderr();
        }
        if (!expected.equals(o.stdout())) return "stdout differs from the expected output (first difference at char "
                + firstDifference(expected, o.stdout()) + ")";
        return null;
    }

    private static int firstDifference(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) if (a.charAt(i) != b.charAt(i)) return i;
        return n;
    }

}
