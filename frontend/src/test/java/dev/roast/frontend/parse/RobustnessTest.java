package dev.roast.frontend.parse;

import static dev.roast.frontend.parse.Parsing.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.roast.frontend.ast.Stmt;
import dev.roast.frontend.diag.Diagnostics;
import dev.roast.frontend.source.SourceFile;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bad input of every sort must give errors, never an exception or a hang, and parsing stays linear. */
class RobustnessTest {

    private static final String PROGRAM = """
            #!/usr/bin/env roast
            import math
            from os import path as p

            class Shape[T](Base, metaclass=M):
                sides: int = 0

                def __init__(self, name: str, *args, scale: float = 1.0, **kw) -> None:
                    self.name = name
                    self.points: list[tuple[int, int]] = [(x, y) for x, y in zip(args, args[1:]) if x != y]

                @staticmethod
                def area(r: float) -> float:
                    return math.pi * r ** 2 if r > 0 else -1.0

            def main() -> None:
                total = 0
                for i in range(10):
                    if i % 2 == 0 and not i in {1, 2}:
                        total += i
                    elif i == 3:
                        continue
                    else:
                        break
                while total > 0:
                    total -= 1
                try:
                    x = {'a': [1, 2.5, "three"], **extra}
                    print(f"{total=} {x['a'][0]:>{width}.2f} {p!r}", end="")
                except (KeyError, ValueError) as e:
                    raise RuntimeError("bad") from e
                finally:
                    del x
                with open("f") as f, open("g") as g:
                    data = f.read()
                lam = lambda a, b=2: (a := b) if a else [*a, *b]
                assert total == 0, "done"
                return

            main()
            """;

    private static final List<String> FRAGMENTS = List.of(
            "x", "y", "foo", "1", "0x1F", "1.5", "1e3", "9223372036854775808", "'s'", "\"t\"", "'''u'''", "f'", "f\"{",
            "{", "}", "(", ")", "[", "]", ",", ":", ";", ".", "...", "=", "==", "+", "-", "*", "**", "/", "//", "%", "@",
            "<", ">", "<=", "!=", "!", "$", "?", "\\", "\\\n", "#c", "\n", "\n    ", "\n\t", "\n  ", "  ", "if", "elif",
            "else", "for", "in", "while", "def", "class", "return", "lambda", "yield", "await", "async", "with", "as",
            "try", "except", "finally", "import", "from", "match", "case", "type", "not", "and", "or", "is", "del",
            "global", "nonlocal", "pass", "break", "continue", "raise", "assert", ":=", "->", "'", "\"", "\"\"\"", "b'",
            "1j", "09", "1__0", "\r\n", "\uFEFF", "é", "\u00A0", "!r", "=}", "{x=", "*", "**kw", "@deco");

    @Test
    void theSampleProgramIsValid() {
        Parsed p = clean(PROGRAM);
        assertEquals(5, p.body().size());
    }

    @Test
    void randomTokenSoup() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            var random = new Random(12345);
            for (int round = 0; round < 3000; round++) {
                var sb = new StringBuilder();
                int n = 1 + random.nextInt(60);
                for (int i = 0; i < n; i++) sb.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size()))).append(random.nextInt(3) == 0 ? "" : " ");
                parseQuietly(sb.toString());
            }
        });
    }

    @Test
    void everyTruncationOfAValidProgram() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int end = 0; end <= PROGRAM.length(); end++) parseQuietly(PROGRAM.substring(0, end));
        });
    }

    @Test
    void randomEditsOfAValidProgram() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            var random = new Random(777);
            String alphabet = "()[]{}:,.=+-*'\"\\\n\t #@!$fbrx0123456789_";
            for (int round = 0; round < 3000; round++) {
                var sb = new StringBuilder(PROGRAM);
                for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
                    int at = random.nextInt(sb.length());
                    switch (random.nextInt(3)) {
                        case 0 -> sb.deleteCharAt(at);
                        case 1 -> sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                        default -> sb.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                }
                parseQuietly(sb.toString());
            }
        });
    }

    @Test
    void pathologicalNesting() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            List<String> deep = List.of(
                    "x = " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + "\n",
                    "x = " + "[".repeat(10_000) + "\n",
                    "x = " + "-".repeat(10_000) + "1\n",
                    "x = " + "not ".repeat(10_000) + "1\n",
                    "x = " + "~".repeat(10_000) + "1\n",
                    "x = 1" + " if c else 1".repeat(10_000) + "\n",
                    "x = a" + " ** a".repeat(10_000) + "\n",
                    "x = " + "lambda: ".repeat(10_000) + "1\n",
                    "x = " + "f'{".repeat(3_000) + "}'".repeat(3_000) + "\n",
                    "x = " + "a.".repeat(10_000) + "b\n",
                    "x = a" + "[0]".repeat(10_000) + "\n",
                    "x = a" + " + a".repeat(50_000) + "\n",
                    "x = a" + " < a".repeat(50_000) + "\n",
                    nestedBlocks(3_000));
            for (String src : deep) {
                Parsed p = parseQuietly(src);
                assertTrue(p.diags().count() <= 2, () -> p.messages().toString());
            }
        });
    }

    @Test
    void longButShallowConstructsAreFine() {
        var elifs = new StringBuilder("if x == 0:\n    pass\n");
        for (int i = 1; i < 5_000; i++) elifs.append("elif x == ").append(i).append(":\n    pass\n");
        elifs.append("else:\n    pass\n");
        assertEquals(1, clean(elifs.toString()).body().size());
        assertEquals(1, clean("x = a" + " + a".repeat(50_000) + "\n").body().size());
        assertEquals(1, clean("x = [" + "1, ".repeat(50_000) + "]\n").body().size());
        assertEquals(1, clean(nestedBlocks(150)).body().size(), "150 nested blocks are within the limit");
        assertEquals(1, clean("x = " + "(".repeat(150) + "1" + ")".repeat(150) + "\n").body().size());
    }

    @Test
    void parsingIsLinear() {
        String small = program(2_500);
        String large = program(20_000);
        for (int i = 0; i < 5; i++) {
            parseQuietly(small);
            parseQuietly(large);
        }
        long tSmall = best(small);
        long tLarge = best(large);
        assertEquals(List.of(), clean(large).errors());
        assertTrue(tLarge < 2_000_000_000L, "20,000 lines took " + tLarge / 1_000_000 + " ms");
        // Eight times the input: linear is ~8x; allow noise, reject quadratic (~64x).
        assertTrue(tLarge < 25 * tSmall + 20_000_000L, "small " + tSmall / 1_000 + " us, large " + tLarge / 1_000 + " us");
    }

    private static long best(String src) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            parseQuietly(src);
            best = Math.min(best, System.nanoTime() - t0);
        }
        return best;
    }

    /** About {@code lines} lines of varied, valid code. */
    static String program(int lines) {
        var sb = new StringBuilder();
        for (int i = 0; i * 10 < lines; i++) {
            sb.append("def f").append(i).append("(a: int, b: float = 1.5, *rest: str) -> list[int]:\n")
              .append("    \"\"\"Doc for f").append(i).append(".\"\"\"\n")
              .append("    total = a + b * 2 - (a // 3) ** 2\n")
              .append("    for k, v in {'x': [1, 2], 'y': [3]}.items():\n")
              .append("        if k != 'x' and not v:\n")
              .append("            continue\n")
              .append("        total += len(v) if v else 0\n")
              .append("    msg = f\"{total=} {a:>{b}} {rest!r}\"\n")
              .append("    return [x * 2 for x in range(a) if x % 2 == 0]\n\n");
        }
        return sb.toString();
    }

    private static String nestedBlocks(int depth) {
        var sb = new StringBuilder();
        for (int i = 0; i < depth; i++) sb.append(" ".repeat(i)).append("if x:\n");
        sb.append(" ".repeat(depth)).append("pass\n");
        return sb.toString();
    }

    /** Parses; any exception fails the test with the input that caused it. */
    private static Parsed parseQuietly(String src) {
        var file = new SourceFile("fuzz.roast", src);
        var diags = new Diagnostics(file);
        try {
            var module = Parser.parse(file, diags);
            assertNotNull(module);
            for (Stmt s : module.body()) assertNotNull(s.span());
            return new Parsed(file, module, diags);
        } catch (RuntimeException | Error e) {
            throw new AssertionError("parse threw on input:\n" + src, e);
        }
    }
}
