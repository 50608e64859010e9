package dev.roast.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import dev.roast.vm.tiers.TierOptions;
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
    void vmOptionsAndProgramArguments() {
        assertEquals(new CommandLine.Run("p.roast", List.of(), 2L << 30, 1000, false, null, TierOptions.DEFAULT), CommandLine.parse(new String[] {"vm", "p.roast"}));
        assertEquals(new CommandLine.Run("p.roast", List.of("a", "--b"), 256L << 20, 50, true, null, INTERP_ONLY),
                CommandLine.parse(new String[] {"vm", "--max-heap=256m", "--max-depth=50", "--gc-stats", "--max-tier=interp", "p.roast", "a", "--b"}));
        assertEquals(3L << 30, CommandLine.size("3g", "x", 1));
        assertEquals(64L << 10, CommandLine.size("64K", "x", 1));
        assertEquals(1000, CommandLine.size("1000", "x", 1));
        for (String[] bad : List.of(new String[] {"vm"}, new String[] {"vm", "--max-heap=lots", "p.roast"},
                new String[] {"vm", "--max-heap=0", "p.roast"}, new String[] {"vm", "--max-tier=optimizing", "p.roast"},
                new String[] {"vm", "--max-tier", "p.roast"}, new String[] {"vm", "--jit-threshold=-1", "p.roast"},
                new String[] {"vm", "--jit-threshold=x", "p.roast"}, new String[] {"vm", "--trace-tiers=yes", "p.roast"},
                new String[] {"vm", "--code-cache=0", "p.roast"},
                new String[] {"vm", "--max-depth=0", "p.roast"}, new String[] {"vm", "--what", "p.roast"})) {
            assertThrows(CommandLine.UsageError.class, () -> CommandLine.parse(bad), String.join(" ", bad));
        }
    }

    @Test
    void aHeapBelowTheSmallestIsAUsageError() {
        var e = assertThrows(CommandLine.UsageError.class, () -> CommandLine.parse(new String[] {"vm", "--max-heap=256k", "p.roast"}));
        assertEquals("--max-heap must be at least 1m, got '256k'", e.getMessage());
        var run = (CommandLine.Run) CommandLine.parse(new String[] {"vm", "--max-heap=1m", "p.roast"});
        assertEquals(1L << 20, run.maxHeapBytes());
    }

    private static final TierOptions INTERP_ONLY =
            new TierOptions(TierOptions.Tier.INTERP, TierOptions.DEFAULT_THRESHOLD, false, TierOptions.DEFAULT_CODE_CACHE);

    @Test
    void tierOptions() {
        var run = (CommandLine.Run) CommandLine.parse(new String[] {"vm", "--max-tier=baseline", "--jit-threshold=0", "--trace-tiers",
                "--code-cache=1m", "p.roast"});
        assertEquals(new TierOptions(TierOptions.Tier.BASELINE, 0, true, 1L << 20), run.tiers());
        assertEquals(TierOptions.DEFAULT, ((CommandLine.Run) CommandLine.parse(new String[] {"vm", "p.roast"})).tiers());
        var e = assertThrows(CommandLine.UsageError.class, () -> CommandLine.parse(new String[] {"vm", "--max-tier=fast", "p.roast"}));
        assertEquals("--max-tier needs one of interp, baseline; got 'fast'", e.getMessage());
    }

    @Test
    void statsNeedsAFile() {
        assertEquals(new CommandLine.Run("p.roast", List.of("--stats=b.json"), 2L << 30, 1000, false, "out/a.json", TierOptions.DEFAULT),
                CommandLine.parse(new String[] {"vm", "--stats=out/a.json", "p.roast", "--stats=b.json"}));
        assertEquals("a=b.json", ((CommandLine.Run) CommandLine.parse(new String[] {"vm", "--stats=a=b.json", "p.roast"})).statsFile());
        for (String[] bad : List.of(new String[] {"vm", "--stats", "p.roast"}, new String[] {"vm", "--stats=", "p.roast"},
                new String[] {"vm", "--stats=a.json"})) {
            var e = assertThrows(CommandLine.UsageError.class, () -> CommandLine.parse(bad), String.join(" ", bad));
            if (bad.length == 3) assertEquals("--stats needs a file to write: --stats=OUT.json", e.getMessage());
        }
        assertTrue(CommandLine.USAGE.contains("[--stats=OUT.json]"));
    }

    @Test
    void debugIsRoastsOnlyBeforeVmsFile() {
        assertEquals(new CommandLine.Run("p.roast", List.of("a", "--debug"), 2L << 30, 1000, true, null, TierOptions.DEFAULT),
                CommandLine.parse(new String[] {"--debug", "vm", "--debug", "--gc-stats", "p.roast", "a", "--debug"}));
        assertEquals(new CommandLine.Run("p.roast", List.of("--debug"), 2L << 30, 1000, false, null, TierOptions.DEFAULT),
                CommandLine.parse(new String[] {"vm", "p.roast", "--debug"}));
        assertTrue(CommandLine.debug(new String[] {"--debug", "vm", "p.roast"}));
        assertTrue(CommandLine.debug(new String[] {"vm", "--max-depth=5", "--debug", "p.roast"}));
        assertFalse(CommandLine.debug(new String[] {"vm", "p.roast", "--debug"}));
        assertTrue(CommandLine.debug(new String[] {"check", "a.roast", "--debug"}));
        assertThrows(CommandLine.UsageError.class, () -> CommandLine.parse(new String[] {"vm", "--debug"}));
    }

    @Test
    void disShowsMachineCode() {
        assertEquals(new CommandLine.Dis("a.roast", "machine"), CommandLine.parse(new String[] {"dis", "--machine", "a.roast"}));
    }

    @Test
    void malformedCommandLinesAreUsageErrors() {
        for (String[] bad : List.of(new String[] {}, new String[] {"frobnicate"}, new String[] {"--bogus"},
                new String[] {"check"}, new String[] {"check", "--what", "a.roast"}, new String[] {"dis", "a.roast"},
                new String[] {"dis", "--hir"}, new String[] {"dis", "--hir", "a.roast", "b.roast"},
                new String[] {"dis", "--machine"}, new String[] {"check", "--time", "--repeat=0", "a.roast"},
                new String[] {"check", "--time", "--repeat=x", "a.roast"}, new String[] {"check", "--repeat=3", "a.roast"})) {
            assertThrows(CommandLine.UsageError.class, () -> CommandLine.parse(bad), String.join(" ", bad));
        }
    }

    @Test
    void usageErrorsExitTwoWithTheUsageOnStderr() {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"frobnicate", "x.roast"}, new PrintStream(out), new PrintStream(err));
        assertEquals(2, status);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.startsWith("roast: unknown command 'frobnicate'\nusage: roast vm"), e);
    }
}
