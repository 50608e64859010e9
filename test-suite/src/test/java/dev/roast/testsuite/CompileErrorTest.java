package dev.roast.testsuite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every program of test-suite/compile-error/ is rejected by `roast check`
 * with exit status 2, nothing on stdout, no Java trace, and a diagnostic of
 * the declared code at the declared line and column (first line:
 * `# error: LINE:COL CODE`).
 */
class CompileErrorTest {
    private static final Pattern HEADER = Pattern.compile("# error: (\\d+):(\\d+) (E\\d{4})");

    @TestFactory
    Stream<DynamicTest> compileErrorsAreReportedWhereDeclared() {
        return SuitePrograms.roastFiles(SuitePrograms.suiteDir().resolve("compile-error")).stream()
                .map(p -> DynamicTest.dynamicTest(SuitePrograms.display(p), () -> rejected(p)));
    }

    @Test
    void suiteHasEnoughPrograms() {
        assertTrue(SuitePrograms.roastFiles(SuitePrograms.suiteDir().resolve("compile-error")).size() >= 50,
                "the [frontend] issue asks for at least 50 compile-error programs");
    }

    private static void rejected(Path program) throws IOException {
        String first = Files.readAllLines(program, StandardCharsets.UTF_8).get(0);
        var m = HEADER.matcher(first);
        assertTrue(m.matches(), "first line must be '# error: LINE:COL CODE', was: " + first);
        String position = program + ":" + m.group(1) + ":" + m.group(2);
        String code = m.group(3);

        Roast r = Roast.run("check", program.toString());
        assertEquals(2, r.status(), r.stderr());
        assertEquals("", r.stdout(), "nothing on stdout for a compile error");
        assertFalse(r.stderr().contains("\tat "), "no Java stack trace");
        assertFalse(r.stderr().contains("internal error"), r.stderr());
        // Rendered as in spec §14: "error[CODE]: message" then " --> file:line:col".
        var expected = Pattern.compile("error\\[" + code + "\\]: [^\\n]+\\n *--> " + Pattern.quote(position) + "\\n");
        assertTrue(expected.matcher(r.stderr()).find(), "expected " + code + " at " + position + ", got:\n" + r.stderr());
    }
}
