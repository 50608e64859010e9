package dev.roast.vm.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roast.vm.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `roast vm --stats=OUT.json` end to end: what the file holds, when it is written, and when it is refused. */
class StatsRunTest {
    @TempDir
    Path dir;

    private record Outcome(int status, String out, String err) {}

    private Outcome roast(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String program(String name, String source) throws IOException {
        return Files.writeString(dir.resolve(name), source).toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static long countSum(Object buckets) {
        long sum = 0;
        for (Object b : (List<Object>) buckets) {
            var pair = (List<Object>) b;
            assertEquals(2, pair.size());
            assertTrue((Long) pair.get(0) >= 1, "values are whole microseconds, at least 1");
            sum += (Long) pair.get(1);
        }
        return sum;
    }

    private static double number(Object o) {
        return ((Number) o).doubleValue();
    }

    private Map<String, Object> stats(String name) throws IOException {
        return object(JsonReader.read(Files.readString(dir.resolve(name))));
    }

    @Test
    void aRunThatCollectsRecordsEveryPause() throws IOException {
        // Garbage that only the loop makes: past the heap's 8 MiB threshold many times within 16 MiB.
        String p = program("churn.roast", """
                def churn(n: int) -> int:
                    total = 0
                    i = 0
                    while i < n:
                        xs = [str(i), str(i + 1)]
                        total += len(xs)
                        i += 1
                    return total
                print(churn(300000))
                """);
        String json = dir.resolve("churn.json").toString();
        var o = roast("vm", "--max-heap=16m", "--stats=" + json, p);
        assertEquals(new Outcome(0, "600000\n", ""), o);
        var s = stats("churn.json");
        assertEquals(List.of("format", "file", "exit_status", "wall_ms", "first_output_ms", "compile_ms", "compile", "gc", "time_split_ms"),
                List.copyOf(s.keySet()));
        assertEquals("roast-stats-1", s.get("format"));
        assertEquals(p, s.get("file"));
        assertEquals(0L, s.get("exit_status"));
        double wall = number(s.get("wall_ms")), first = number(s.get("first_output_ms")), compile = number(s.get("compile_ms"));
        assertTrue(first > 0 && first <= wall, s.toString());
        assertTrue(compile > 0 && compile < wall, s.toString());

        var bytecode = object(object(s.get("compile")).get("bytecode"));
        assertEquals(List.of("bytecode", "baseline"), List.copyOf(object(s.get("compile")).keySet()));
        var baseline = object(object(s.get("compile")).get("baseline"));
        assertEquals(1L, baseline.get("count"), "churn, hot by its loop; main runs once");
        assertEquals(1L, countSum(baseline.get("us")));
        assertEquals(1L, countSum(baseline.get("us_per_100_instructions")));
        assertEquals(2L, bytecode.get("count"), "main and churn");
        assertEquals(2L, countSum(bytecode.get("us")));
        assertTrue(number(bytecode.get("total_ms")) <= compile, s.toString());

        var gc = object(s.get("gc"));
        long collections = (Long) gc.get("collections");
        assertTrue(collections > 0, s.toString());
        assertEquals(collections, countSum(gc.get("pause_us")), "every pause is in the histogram");
        assertTrue(number(gc.get("max_pause_ms")) <= number(gc.get("total_pause_ms")), s.toString());
        assertTrue((Long) gc.get("peak_heap_bytes") > 0 && (Long) gc.get("peak_heap_bytes") <= 16L << 20, s.toString());
        assertTrue((Long) gc.get("allocated_bytes") > 16L << 20, s.toString());

        var split = object(s.get("time_split_ms"));
        assertEquals(List.of("interpreter"), List.copyOf(split.keySet()));
        assertTrue(number(split.get("interpreter")) > number(gc.get("total_pause_ms")) && number(split.get("interpreter")) < wall, s.toString());
        assertEquals(List.of("churn.json", "churn.roast"), files(), "no temporary file is left behind");
    }

    @Test
    void everyEndOfTheProgramIsWrittenWithItsStatus() throws IOException {
        String raises = program("raises.roast", "print('before')\nx = [1][2]\n");
        var o = roast("vm", "--stats=" + dir.resolve("raises.json"), raises);
        assertEquals(1, o.status());
        assertEquals(1L, stats("raises.json").get("exit_status"));
        assertTrue(stats("raises.json").get("first_output_ms") instanceof Double);

        String exits = program("exits.roast", "import sys\nsys.exit(3)\n");
        assertEquals(3, roast("vm", "--stats=" + dir.resolve("exits.json"), exits).status());
        var s = stats("exits.json");
        assertEquals(3L, s.get("exit_status"));
        assertTrue(s.containsKey("first_output_ms"));
        assertNull(s.get("first_output_ms"), "printed nothing");

        String exhausts = program("exhausts.roast", "xs: list[str] = []\nwhile True:\n    xs.append(str(len(xs)))\n");
        o = roast("vm", "--max-heap=4m", "--stats=" + dir.resolve("exhausts.json"), exhausts);
        assertEquals(1, o.status());
        assertTrue(o.err().contains("MemoryError"), o.err());
        assertEquals(1L, stats("exhausts.json").get("exit_status"));
        assertTrue((Long) object(stats("exhausts.json").get("gc")).get("collections") > 0);
    }

    @Test
    void anExistingFileIsReplacedWhole() throws IOException {
        String hello = program("hello.roast", "print('hello')\n");
        Files.writeString(dir.resolve("hello.json"), "old text, much longer than nothing ".repeat(100));
        assertEquals(new Outcome(0, "hello\n", ""), roast("vm", "--stats=" + dir.resolve("hello.json"), hello));
        assertEquals("roast-stats-1", stats("hello.json").get("format"));
        assertEquals(List.of("hello.json", "hello.roast"), files());
    }

    @Test
    void notWrittenWhenTheProgramDoesNotCompile() throws IOException {
        String bad = program("bad.roast", "x: int = 'a'\n");
        var o = roast("vm", "--stats=" + dir.resolve("bad.json"), bad);
        assertEquals(2, o.status());
        assertTrue(o.err().contains("error[E0308]"), o.err());
        assertEquals(List.of("bad.roast"), files());
    }

    @Test
    void anUnwritableFileIsRefusedBeforeTheProgramRuns() throws IOException {
        String hello = program("hello.roast", "print('hello')\n");
        String nowhere = dir.resolve("no/such/dir/s.json").toString();
        var o = roast("vm", "--stats=" + nowhere, hello);
        assertEquals(new Outcome(2, "", "roast: cannot write stats to '" + nowhere + "': no such directory\n"), o);

        var intoADirectory = roast("vm", "--stats=" + dir, hello);
        assertEquals(new Outcome(2, "", "roast: cannot write stats to '" + dir + "': it is a directory\n"), intoADirectory);

        String underAFile = dir.resolve("hello.roast/s.json").toString();
        assertEquals(new Outcome(2, "", "roast: cannot write stats to '" + underAFile + "': not a directory\n"),
                roast("vm", "--stats=" + underAFile, hello));
        assertFalse(Files.exists(dir.resolve("no")));
        assertEquals(List.of("hello.roast"), files());
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
