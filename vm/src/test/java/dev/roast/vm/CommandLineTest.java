package dev.roast.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTest {
    @Test
    void parsesTheCommands() {
        assertEquals(new CommandLine.Check(List.of("a.roast"), false, 1), CommandLine.parse(new String[] {"check", "a.roast"}));
        assertEquals(new CommandLine.Check(List.of("a.roast", "b.roast"), true, 7),
                CommandLine.parse(new String[] {"check", "--time", "--repeat=7", "a.roast", "b.roast"}));
        assertEquals(new CommandLine.Dis("a.roast", "hir"), CommandLine.parse(new String[] {"dis", "--hir", "a.roast"}));
        assertEquals(new CommandLine.Dis("a.roast", "mir"), CommandLine.parse(new String[] {"dis", "--mir", "a.roast"}));
        assertInstanceOf(CommandLine.Version.class, CommandLine.parse(new String[] {"--version"}));
        assertInstanceOf(CommandLine.Help.class, CommandLine.parse(new String[] {"--help"}));
        assertEquals(new CommandLine.Check(List.of("a.roast"), false, 1), CommandLine.parse(new String[] {"--debug", "check", "a.roast"}));
    }

    @Test
    void malformedCommandLinesAreUsageErrors() {
        for (String[] bad : List.of(new String[] {}, new String[] {"frobnicate"}, new String[] {"--bogus"},
                new String[] {"check"}, new String[] {"check", "--what", "a.roast"}, new String[] {"dis", "a.roast"},
                new String[] {"dis", "--hir"}, new String[] {"dis", "--hir", "a.roast", "b.roast"},
                new String[] {"dis", "--machine", "a.roast"}, new String[] {"check", "--time", "--repeat=0", "a.roast"},
                new String[] {"check", "--time", "--repeat=x", "a.roast"}, new String[] {"check", "--repeat=3", "a.roast"})) {
            assertThrows(CommandLine.UsageError.class, () -> CommandLine.parse(bad), String.join(" ", bad));
        }
    }

    @Test
    void usageErrorsExitTwoWithTheUsageOnStderr() {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"vm", "x.roast"}, new PrintStream(out), new PrintStream(err));
        assertEquals(2, status);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.startsWith("roast: unknown command 'vm'\nusage: roast check"), e);
    }
}
