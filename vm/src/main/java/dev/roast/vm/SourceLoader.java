package dev.roast.vm;

import dev.roast.frontend.source.SourceFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a program file as strict UTF-8 (spec §2), turning every failure into a one-line message. */
final class SourceLoader {
    /** The file could not be read; the message is for the user. */
    static final class LoadError extends Exception {
        LoadError(String message) {
            super(message);
        }
    }

    private SourceLoader() {}

    static SourceFile load(String name) throws LoadError {
        Path path = Path.of(name);
        if (Files.isDirectory(path)) throw new LoadError("cannot read '" + name + "': it is a directory");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new LoadError("cannot read '" + name + "': no such file");
        } catch (IOException | SecurityException e) {
            throw new LoadError("cannot read '" + name + "': " + e.getMessage());
        }
        // The fast decoder replaces malformed bytes with U+FFFD; only then is the strict one needed to tell.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            var strict = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try {
                strict.decode(ByteBuffer.wrap(bytes));
            } catch (CharacterCodingException e) {
                throw new LoadError("cannot read '" + name + "': it is not valid UTF-8 text");
            }
        }
        return new SourceFile(name, text);
    }
}
