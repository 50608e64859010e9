package dev.roast.codegen.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** This process's memory mappings as the kernel reports them in /proc/self/maps, clipped to one range. */
record ProcessMappings(List<Mapping> mappings) {
    /** One line of /proc/self/maps: [start, end) and its permissions, such as {@code r-xp}. */
    record Mapping(long start, long end, String perms) {
        boolean readable() { return perms.charAt(0) == 'r'; }
        boolean writable() { return perms.charAt(1) == 'w'; }
        boolean executable() { return perms.charAt(2) == 'x'; }
        boolean covers(long address) { return start <= address && address < end; }
    }

    /** The mappings that overlap [from, to), as the kernel reports them now. */
    static ProcessMappings within(long from, long to) {
        try {
            List<Mapping> all = Files.readAllLines(Path.of("/proc/self/maps")).stream().map(line -> {
                String[] fields = line.split("\\s+", 3);
                int dash = fields[0].indexOf('-');
                return new Mapping(Long.parseUnsignedLong(fields[0], 0, dash, 16),
                        Long.parseUnsignedLong(fields[0], dash + 1, fields[0].length(), 16), fields[1]);
            }).toList();
            return new ProcessMappings(all.stream().filter(m -> m.end() > from && m.start() < to).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The permissions of the page holding {@code address}, or null if nothing maps it. */
    String permsAt(long address) {
        return mappings.stream().filter(m -> m.covers(address)).map(Mapping::perms).findFirst().orElse(null);
    }
}
