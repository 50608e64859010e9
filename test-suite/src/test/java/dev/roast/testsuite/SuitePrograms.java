package dev.roast.testsuite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the suite's programs: test-suite/run/**, test-suite/compile-error/, and the shared bench programs. */
final class SuitePrograms {
    private SuitePrograms() {}

    static Path suiteDir() {
        return Path.of(System.getProperty("roast.suite.dir", ".")).toAbsolutePath().normalize();
    }

    static Path benchDir() {
        return Path.of(System.getProperty("roast.bench.dir", "../../shared/bench")).toAbsolutePath().normalize();
    }

    static List<Path> roastFiles(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".roast")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String display(Path p) {
        return suiteDir().relativize(p).toString();
    }
}
