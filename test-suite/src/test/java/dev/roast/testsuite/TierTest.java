package dev.roast.testsuite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The moments where machine code and the interpreter meet, each made to happen on purpose and checked
 * twice: --trace-tiers shows that it happened where it should, and the program's stdout, stderr and exit
 * status are the interpreter's, byte for byte.
 */
class TierTest {
    private static final long TIME_LIMIT_SECONDS = 60;
    @TempDir
    static Path dir;
    private static Path crashDir;

    @BeforeAll
    static void crashReports() throws IOException {
        crashDir = Files.createDirectories(dir.resolve("crashes"));
    }

    @AfterAll
    static void noJvmCrashed() throws IOException {
        assertEquals(List.of(), RoastProcess.crashes(crashDir));
    }

    /** Runs the program in the interpreter and with {@code flags} plus --trace-tiers; returns the trace lines. */
    private static List<String> sameAsInterpreter(String name, String source, String... flags) throws IOException {
        Path file = dir.resolve(name + ".roast");
        Files.writeString(file, source);
        var reference = RoastProcess.run(dir, List.of("vm", "--max-tier=interp", file.getFileName().toString()), TIME_LIMIT_SECONDS, crashDir);
        var args = new ArrayList<>(List.of("vm", "--trace-tiers"));
        args.addAll(List.of(flags));
        args.add(file.getFileName().toString());
        var jit = RoastProcess.run(dir, args, TIME_LIMIT_SECONDS, crashDir);
        assertFalse(reference.timedOut() || jit.timedOut(), name + " timed out");
        var trace = jit.stderr().lines().filter(l -> l.startsWith("[tiers ")).toList();
        String rest = String.join("", jit.stderr().lines().filter(l -> !l.startsWith("[tiers ")).map(l -> l + "\n").toList());
        assertEquals(reference.stdout(), jit.stdout(), name + ": stdout");
        assertEquals(reference.stderr(), rest, name + ": stderr besides the trace");
        assertEquals(reference.status(), jit.status(), name + ": exit status");
        return trace;
    }

    private static boolean has(List<String> trace, String... parts) {
        return trace.stream().anyMatch(l -> List.of(parts).stream().allMatch(l::contains));
    }

    @Test
    void osrEntersTheInnerLoopOfNestedLoops() throws IOException {
        var trace = sameAsInterpreter("nested_inner", """
                def main() -> None:
                    total = 0
                    for i in range(300):
                        j = 0
                        while j < 200:
                            total = (total + i * j) % 1000003
                            j += 1
                    print(total)

                main()
                """, "--jit-threshold=10");
        assertTrue(has(trace, "main (nested_inner.roast:1)", "osr interp -> baseline at loop line 5"), trace.toString());
    }

    @Test
    void osrEntersTheOuterLoopOfNestedLoops() throws IOException {
        var trace = sameAsInterpreter("nested_outer", """
                def main() -> None:
                    total = 0
                    for i in range(100000):
                        j = 0
                        while j < i % 2:
                            total = total + j + i
                            j += 1
                    print(total)

                main()
                """, "--jit-threshold=100");
        assertTrue(has(trace, "main (nested_outer.roast:1)", "osr interp -> baseline at loop line 3"), trace.toString());
    }

    @Test
    void anExceptionThreeCompiledFramesDeepHasTheInterpretersTraceback() throws IOException {
        var trace = sameAsInterpreter("three_deep", """
                def h(n: int) -> int:
                    return 100 // n

                def g(n: int) -> int:
                    return h(n - 1) + 1

                def f(n: int) -> int:
                    return g(n - 1) * 2

                print(f(5))
                print(f(2))
                """, "--max-tier=baseline", "--jit-threshold=0");
        for (String fn : List.of("f (three_deep.roast:7)", "g (three_deep.roast:4)", "h (three_deep.roast:1)")) {
            assertTrue(has(trace, fn, "interp -> baseline"), fn + " compiled: " + trace);
        }
        assertTrue(has(trace, "exit baseline -> interp", "exception ZeroDivisionError"), trace.toString());
    }

    @Test
    void theRecursionLimitInMachineCodeIsTheInterpreters() throws IOException {
        var trace = sameAsInterpreter("recursion", """
                def down(n: int) -> int:
                    if n == 0:
                        return 0
                    return down(n - 1) + 1

                def forever(n: int) -> int:
                    return forever(n + 1) + 1

                print(down(900))
                print(forever(0))
                """, "--jit-threshold=5");
        assertTrue(has(trace, "forever (recursion.roast:6)", "interp -> baseline"), trace.toString());
        assertTrue(has(trace, "exception RecursionError"), trace.toString());
    }

    @Test
    void aFunctionOfRuntimeOperationsStaysInTheInterpreterAndOneOfArithmeticDoesNot() throws IOException {
        var trace = sameAsInterpreter("policy", """
                def words(n: int) -> int:
                    counts: dict[str, int] = {}
                    for i in range(n):
                        w = "w" + str(i % 50)
                        counts[w] = counts.get(w, 0) + 1
                    return len(counts)

                def arithmetic(n: int) -> int:
                    total = 0
                    for i in range(n):
                        total = (total + i * 7) % 1000003
                    return total

                print(words(20000), arithmetic(20000))
                """, "--jit-threshold=50");
        assertTrue(has(trace, "words (policy.roast:1)", "stays in interp"), trace.toString());
        assertTrue(has(trace, "arithmetic (policy.roast:8)", "interp -> baseline"), trace.toString());
        assertTrue(has(trace, "arithmetic (policy.roast:8)", "osr"), trace.toString());
    }

    @Test
    void collectionsDuringMachineCodeKeepTheFramesValues() throws IOException {
        var trace = sameAsInterpreter("gc", """
                class Node:
                    def __init__(self, value: int) -> None:
                        self.value = value

                def churn(rounds: int) -> int:
                    keep: list[Node] = []
                    total = 0
                    for i in range(rounds):
                        xs = [i, i + 1, i + 2]
                        s = str(i) + "-" + str(xs[1])
                        total = total + len(s) + xs[2]
                        if i % 1000 == 0:
                            keep.append(Node(i))
                        for k in range(4):  # inline work, so that machine code pays (BaselinePolicy.pays)
                            total = (total + k * i) % 1000003
                    for node in keep:
                        total = total + node.value
                    return total + len(keep)

                print(churn(200000))
                """, "--jit-threshold=50", "--max-heap=8m", "--stats=gc.json");
        String stats = Files.readString(dir.resolve("gc.json"));
        var collections = java.util.regex.Pattern.compile("\"collections\":\\s*(\\d+)").matcher(stats);
        assertTrue(collections.find() && Long.parseLong(collections.group(1)) > 3, "collected while churn ran: " + stats);
        assertTrue(has(trace, "churn (gc.roast:5)", "osr"), trace.toString());
    }

    @Test
    void inlineAllocationKeepsTheHeapsAccountingExact() throws IOException {
        // Instances made in machine code come from the allocator's free lists and bump region inline: the
        // collector must run exactly as often, and count exactly the bytes, as when the interpreter makes them.
        String source = """
                class Leaf:
                    def __init__(self, v: int) -> None:
                        self.v = v

                class Pair:
                    def __init__(self, a: Leaf, b: Leaf, n: int) -> None:
                        self.a = a
                        self.b = b
                        self.n = n

                def churn(rounds: int) -> int:
                    keep: list[Pair] = []
                    total = 0
                    for i in range(rounds):
                        p = Pair(Leaf(i), Leaf(-i), i)
                        total = total + p.a.v + p.n
                        if i % 9 == 0:
                            if len(keep) < 500:
                                keep.append(p)
                            else:
                                keep[i % 500] = p
                    return total + len(keep)

                print(churn(300000))
                """;
        var trace = sameAsInterpreter("alloc_accounting", source, "--jit-threshold=50", "--max-heap=4m",
                "--stats=alloc_jit.json");
        assertTrue(has(trace, "churn (alloc_accounting.roast:11)", "osr"), trace.toString());
        var reference = RoastProcess.run(dir, List.of("vm", "--max-tier=interp", "--max-heap=4m",
                "--stats=alloc_interp.json", "alloc_accounting.roast"), TIME_LIMIT_SECONDS, crashDir);
        assertEquals(0, reference.status(), reference.stderr());
        var interp = gcCounts(dir.resolve("alloc_interp.json"));
        var jit = gcCounts(dir.resolve("alloc_jit.json"));
        assertTrue(Long.parseLong(interp.get(0)) > 3, "collected while churn ran: " + interp);
        assertEquals(interp, jit, "collections, peak heap bytes, allocated bytes");
    }

    /** A --stats file's collection count, peak heap bytes and allocated bytes. */
    private static List<String> gcCounts(Path stats) throws IOException {
        String text = Files.readString(stats);
        var counts = new ArrayList<String>();
        for (String key : List.of("collections", "peak_heap_bytes", "allocated_bytes")) {
            var m = java.util.regex.Pattern.compile("\"" + key + "\":\\s*(\\d+)").matcher(text);
            assertTrue(m.find(), key + " in " + text);
            counts.add(m.group(1));
        }
        return counts;
    }

    @Test
    void machineCodeCallsAnInterpretedFunctionThatCallsMachineCode() throws IOException {
        var trace = sameAsInterpreter("mixed_calls", """
                def square(x: int) -> int:
                    return x * x

                def rare(x: int) -> int:
                    return square(x) + square(x + 1)

                def main() -> None:
                    total = 0
                    for i in range(5000):
                        total = total + square(i) % 7
                        if i % 1000 == 999:
                            total = total + rare(i)
                    print(total)

                main()
                """, "--jit-threshold=20");
        assertTrue(has(trace, "square (mixed_calls.roast:1)", "interp -> baseline"), trace.toString());
        assertTrue(has(trace, "main (mixed_calls.roast:7)", "osr"), trace.toString());
        assertFalse(has(trace, "rare (mixed_calls.roast:4)"), "rare stays interpreted: " + trace);
    }
}
