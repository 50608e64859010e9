package dev.roast.frontend.parse;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.roast.frontend.diag.Diagnostics;
import dev.roast.frontend.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Parses the shared benchmark programs and the compile-error corpus's syntax cases. */
class ProgramsTest {
    private static final Path BENCH = Path.of("../../shared/bench/programs");
    private static final Path COMPILE_ERRORS = Path.of("../test-suite/compile-error");

    @TestFactory
    Stream<DynamicTest> benchProgramsParseWithoutErrors() throws IOException {
        assumeTrue(Files.isDirectory(BENCH), "no benchmark programs at " + BENCH.toAbsolutePath());
        return roastFiles(BENCH).stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
            var file = new SourceFile(path.getFileName().toString(), Files.readString(path));
            var diags = new Diagnostics(file);
            var module = Parser.parse(file, diags);
            assertEquals(List.of(), diags.sorted(), path.toString());
            assertFalse(module.body().isEmpty());
        }));
    }

    /**
     * Each corpus file starts with {@code # error: LINE:COL CODE}. For the codes the parser owns,
     * it must report exactly that; for the others (the checker's), it must report nothing.
     */
    @TestFactory
    Stream<DynamicTest> compileErrorCorpus() throws IOException {
        assumeTrue(Files.isDirectory(COMPILE_ERRORS), "no corpus at " + COMPILE_ERRORS.toAbsolutePath());
        return roastFiles(COMPILE_ERRORS).stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
            String text = Files.readString(path);
            String header = text.lines().findFirst().orElse("");
            assumeTrue(header.startsWith("# error: "), "no error header");
            String expected = header.substring("# error: ".length()).trim();
            String code = expected.substring(expected.indexOf(' ') + 1);
            var file = new SourceFile(path.getFileName().toString(), text);
            var diags = new Diagnostics(file);
            Parser.parse(file, diags);
            List<String> got = new ArrayList<>();
            diags.sorted().forEach(d -> got.add(file.line(d.span().start()) + ":" + file.column(d.span().start()) + " "
                    + d.code().code()));
            boolean parserCode = code.compareTo("E0013") < 0;
            if (parserCode) assertEquals(List.of(expected), got, path.toString());
            else if (!code.equals("E0101") || got.isEmpty()) assertEquals(List.of(), got, path.toString());
            else assertEquals(List.of(expected), got, "bytes, complex and match are the parser's E0101");
        }));
    }

    private static List<Path> roastFiles(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".roast")).sorted().toList();
        }
    }
}
