package dev.roast.testsuite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every program of test-suite/run/ and of the shared benchmarks is valid
 * Roast: it type-checks, its HIR prints, and it lowers to MIR that passes the
 * verifier. (The [interpreter] issue makes this runner execute them and
 * compare stdout with NAME.out.)
 */
class RunProgramsTest {
    @TestFactory
    Stream<DynamicTest> suiteProgramsTypeCheck() {
        return SuitePrograms.roastFiles(SuitePrograms.suiteDir().resolve("run")).stream()
                .map(p -> DynamicTest.dynamicTest(SuitePrograms.display(p), () -> typeChecks(p, true)));
    }

    @TestFactory
    Stream<DynamicTest> benchProgramsTypeCheck() {
        return SuitePrograms.roastFiles(SuitePrograms.benchDir().resolve("programs")).stream()
                .map(p -> DynamicTest.dynamicTest("bench/" + p.getFileName(), () -> typeChecks(p, false)));
    }

    @Test
    void suiteHasEnoughPrograms() {
        assertTrue(SuitePrograms.roastFiles(SuitePrograms.suiteDir().resolve("run")).size() >= 80,
                "the [frontend] issue asks for at least 80 valid programs");
    }

    private static void typeChecks(Path program, boolean needsExpected) {
        if (needsExpected) {
            Path out = Path.of(program.toString().replaceAll("\\.roast$", ".out"));
            assertTrue(Files.exists(out), "missing expected output " + out.getFileName() + " (run test-suite/regen-expected)");
        }
        Roast check = Roast.run("check", program.toString());
        assertEquals("", check.stderr(), "diagnostics for a valid program");
        assertEquals(0, check.status());
        assertEquals("", check.stdout(), "roast check prints nothing on success");
        Roast dis = Roast.run("dis", "--hir", program.toString());
        assertEquals(0, dis.status(), dis.stderr());
        assertFalse(dis.stdout().isBlank());
        assertFalse(dis.stdout().contains("<error>"), "the HIR of a valid program has no error nodes");
        Roast mir = Roast.run("dis", "--mir", program.toString());
        assertEquals(0, mir.status(), mir.stderr()); // lowering runs the MIR verifier
        assertTrue(mir.stdout().startsWith("function <module>"));
    }
}
