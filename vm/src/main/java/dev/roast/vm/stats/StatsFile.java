package dev.roast.vm.stats;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The `--stats` file: checked before the program runs, so that a run is never
 * wasted on a file that cannot be written, and written whole or not at all (a
 * temporary file beside it, renamed over it), so a reader never sees half of one.
 */
public final class StatsFile {
    /** The file cannot be written; the message is for the user. */
    public static final class Unwritable extends Exception {
        Unwritable(String name, String reason) {
            super("cannot write stats to '" + name + "': " + reason);
        }
    }

    private final String name;
    private final Path path;
    /** In the same directory, so the rename is atomic; the pid keeps concurrent runs apart. */
    private final Path temporary;

    private StatsFile(String name, Path path, Path temporary) {
        this.name = name;
        this.path = path;
        this.temporary = temporary;
    }

    /** Checks that {@code name} can be written, by creating (and removing) the temporary file it will be written through. */
    public static StatsFile check(String name) throws Unwritable {
        Path path;
        try {
            path = Path.of(name).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new Unwritable(name, "not a valid path");
        }
        if (path.getFileName() == null) throw new Unwritable(name, "it is a directory");
        var file = new StatsFile(name, path, path.resolveSibling("." + path.getFileName() + "." + ProcessHandle.current().pid() + ".tmp"));
        if (Files.isDirectory(path)) throw new Unwritable(name, "it is a directory");
        try {
            Files.write(file.temporary, new byte[0]);
            Files.delete(file.temporary);
        } catch (IOException e) {
            throw file.unwritable(e);
        }
        return file;
    }

    /** Replaces the file with {@code text}, all at once. */
    public void write(String text) throws Unwritable {
        try {
            Files.writeString(temporary, text);
            Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the first failure is the one to report
            }
            throw unwritable(e);
        }
    }

    private Unwritable unwritable(IOException e) {
        String reason = switch (e) {
            case NoSuchFileException x -> "no such directory";
            case AccessDeniedException x -> "permission denied";
            // strerror's text ("Not a directory", "Read-only file system"), in lower case like the others
            case FileSystemException x when x.getReason() != null ->
                    Character.toLowerCase(x.getReason().charAt(0)) + x.getReason().substring(1);
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
        return new Unwritable(name, reason);
    }
}
