package dev.roast.interpreter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The program's stdout: UTF-8, buffered, flushed at exit, on `print(flush=True)` and before anything goes to stderr. */
public final class Output {
    private final OutputStream sink;
    private final byte[] buffer = new byte[1 << 16];
    private int size;

    public Output(OutputStream sink) {
        this.sink = sink;
    }

    public void write(String s) {
        if (s.length() < 4096) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    bytes(s.getBytes(StandardCharsets.UTF_8));
                    return;
                }
            }
            if (size + s.length() > buffer.length) flush();
            for (int i = 0; i < s.length(); i++) buffer[size++] = (byte) s.charAt(i);
            return;
        }
        bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private void bytes(byte[] b) {
        if (size + b.length > buffer.length) flush();
        if (b.length > buffer.length) {
            writeOut(b, b.length);
            return;
        }
        System.arraycopy(b, 0, buffer, size, b.length);
        size += b.length;
    }

    public void flush() {
        if (size > 0) writeOut(buffer, size);
        size = 0;
        try {
            sink.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeOut(byte[] b, int n) {
        try {
            sink.write(b, 0, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
