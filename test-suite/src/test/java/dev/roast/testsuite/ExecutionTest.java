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
 * in each tier configuration ({@link #CONFIGS}), and compares: run/ programs
 * print exactly NAME.out and exit 0; runtime-error/ programs print NAME.out,
 * exit 1, and the last line of stderr begins with the `# raises:` type. Every
 * configuration must give the interpreter's stdout, stderr (tracebacks) and
 * exit status byte for byte (architecture decision 9), and no run may crash
 * the JVM (no hs_err file). While the interpreter is being completed,
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

    /** The tier configurations, by name: the interpreter alone (the reference), baseline for everything, and mixed tiers. */
    static final Map<String, List<String>> CONFIGS = new java.util.LinkedHashMap<>();

    static {
        CONFIGS.put("interp", List.of("--max-tier=interp"));
        CONFIGS.put("baseline", List.of("--max-tier=baseline", "--jit-threshold=0"));
        CONFIGS.put("mixed", List.of("--jit-threshold=2"));  // OSR in the middle of loops, interpreted and compiled callers
    }

    private static final String REFERENCE = "interp";

    /** A program in a configuration. */
    record Run(Path program, String config) {}

    private static final Map<Run, Outcome> outcomes = new ConcurrentHashMap<>();
    private static Path crashDir;
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
        crashDir = SuitePrograms.suiteDir().resolve("target/jvm-crashes");
        Files.createDirectories(crashDir);
        try (var old = Files.list(crashDir)) {
            for (Path f : old.toList()) Files.delete(f);
        }
        pool = Executors.newFixedThreadPool(Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
        var futures = new ArrayList<java.util.concurrent.Future<?>>();
        for (Path p : programs()) {
            for (String config : CONFIGS.keySet()) futures.add(pool.submit(() -> outcomes.put(new Run(p, config), run(p, CONFIGS.get(config)))));
        }
        for (var f : futures) f.get();
        // The programs failing now, for updating vm-pending.txt by hand after a deliberate look.
        var failing = new java.util.TreeSet<String>();
        for (Path p : programs()) {
            for (String config : CONFIGS.keySet()) if (problem(p, config) != null) failing.add(SuitePrograms.display(p));
        }
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

    private static Outcome run(Path program, List<String> tierFlags) {
        var args = new ArrayList<>(List.of("vm"));
        args.addAll(tierFlags);
        args.add(program.getFileName().toString());
        var o = RoastProcess.run(program.getParent(), args, TIME_LIMIT_SECONDS, crashDir);
        return new Outcome(o.status(), o.stdout(), o.stderr(), o.timedOut());
    }

    @TestFactory
    Stream<DynamicTest> everyProgramRunsAsCPythonDoesInEveryTier() {
        return programs().stream().flatMap(p -> CONFIGS.keySet().stream().map(config ->
                DynamicTest.dynamicTest(config + ": " + SuitePrograms.display(p), () -> check(p, config))));
    }

    @org.junit.jupiter.api.Test
    void noRunCrashedTheJvm() throws IOException {
        var crashes = RoastProcess.crashes(crashDir);
        if (!crashes.isEmpty()) fail("JVM crash reports: " + crashes);
    }

    private static void check(Path program, String config) throws IOException {
        String name = SuitePrograms.display(program);
        String problem = problem(program, config);
        if (pending.contains(name)) {
            if (problem == null) fail(name + " passes now: remove it from test-suite/vm-pending.txt");
            return;
        }
        if (problem != null) fail(problem);
    }

    /** What is wrong with this program in this configuration, or null if it is right. */
    private static String problem(Path program, String config) throws IOException {
        Outcome o = outcomes.get(new Run(program, config));
        String problem = problem(program, o);
        if (problem != null || config.equals(REFERENCE)) return problem;
        Outcome reference = outcomes.get(new Run(program, REFERENCE));
        if (reference.status() != o.status()) return "exit status " + o.status() + ", the interpreter's " + reference.status();
        if (!reference.stderr().equals(o.stderr())) {
            return "stderr differs from the interpreter's:\n--- " + REFERENCE + "\n" + reference.stderr() + "--- " + config + "\n" + o.stderr();
        }
        return null;
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
