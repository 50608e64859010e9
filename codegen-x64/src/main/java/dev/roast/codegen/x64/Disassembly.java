package dev.roast.codegen.x64;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** Turns machine code into Intel-syntax listing lines by running GNU objdump, for {@code --machine} output and tests. */
public final class Disassembly {
    private static final long TIMEOUT_SECONDS = 20;
    /** objdump's instruction lines: address, colon, tab (headers and blank lines are not). */
    private static final Pattern INSTRUCTION = Pattern.compile("^\\s*[0-9a-f]+:\t.*");

    private Disassembly() {}

    /**
     * The instructions of {@code code} as if loaded at {@code address}, one per line:
     * {@code address: bytes <tab> instruction}.
     */
    public static String of(byte[] code, long address) throws DisassemblyException {
        return of(code, address, "objdump");
    }

    /** {@link #of(byte[], long)} with another objdump executable, so tests can see what happens when it is missing. */
    static String of(byte[] code, long address, String objdump) throws DisassemblyException {
        if (code.length == 0) return ""; // objdump rejects an empty file
        Path dir = null;
        try {
            dir = Files.createTempDirectory("roast-disassembly-");
            Path input = Files.write(dir.resolve("code.bin"), code);
            return run(objdump, input, dir.resolve("listing.txt"), address);
        } catch (IOException e) {
            throw new DisassemblyException("could not run objdump on a temporary file: " + e.getMessage(), e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static String run(String objdump, Path input, Path output, long address) throws DisassemblyException, IOException {
        // Output goes to a file, not a pipe: reading a pipe would block past the time limit if objdump hung.
        var command = new ProcessBuilder(objdump, "-D", "-b", "binary", "-m", "i386:x86-64", "-M", "intel",
                "--insn-width=15", "--adjust-vma=0x" + Long.toHexString(address), input.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Process p;
        try {
            p = command.start();
        } catch (IOException e) {
            throw new DisassemblyException("objdump (GNU binutils) is needed for --machine: apt-get install binutils", e);
        }
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new DisassemblyException("objdump did not finish within " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DisassemblyException("interrupted while waiting for objdump", e);
        } finally {
            p.destroyForcibly();
        }
        String text = Files.readString(output);
        if (p.exitValue() != 0) throw new DisassemblyException("objdump failed (exit " + p.exitValue() + "): " + text.strip());
        var lines = new StringBuilder();
        text.lines().filter(l -> INSTRUCTION.matcher(l).matches()).forEach(l -> lines.append(l.stripTrailing()).append('\n'));
        return lines.toString();
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) Files.deleteIfExists(f);
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // A leftover file in the temp directory is not worth failing a listing for.
        }
    }
}
