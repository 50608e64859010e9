package dev.roast.vm.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsFileTest {
    @TempDir
    Path dir;

    @Test
    void writesWholeAndLeavesNothingElse() throws Exception {
        Path out = dir.resolve("s.json");
        var file = StatsFile.check(out.toString());
        assertEquals(0, count(), "the check leaves no file");
        file.write("{}\n");
        file.write("{\"a\": 1}\n");
        assertEquals("{\"a\": 1}\n", Files.readString(out));
        assertEquals(1, count());
    }

    @Test
    void aDirectoryGoneByTheEndIsReported() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        var file = StatsFile.check(sub.resolve("s.json").toString());
        Files.delete(sub);
        var e = assertThrows(StatsFile.Unwritable.class, () -> file.write("{}\n"));
        assertEquals("cannot write stats to '" + sub.resolve("s.json") + "': no such directory", e.getMessage());
    }

    @Test
    void aPathThatIsNoFileIsRefused() {
        var e = assertThrows(StatsFile.Unwritable.class, () -> StatsFile.check("/"));
        assertEquals("cannot write stats to '/': it is a directory", e.getMessage());
        e = assertThrows(StatsFile.Unwritable.class, () -> StatsFile.check("a\0b.json"));
        assertEquals("cannot write stats to 'a\0b.json': not a valid path", e.getMessage());
    }

    private long count() throws IOException {
        try (var s = Files.list(dir)) {
            return s.count();
        }
    }
}
