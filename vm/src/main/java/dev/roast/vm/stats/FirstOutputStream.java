package dev.roast.vm.stats;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The program's stdout, noting when its first byte goes out. The interpreter buffers
 * its output, so this is when the first byte leaves roast (what a reader of the pipe
 * sees), not when the program first called print.
 */
final class FirstOutputStream extends FilterOutputStream {
    /** {@link System#nanoTime} of the first byte written; meaningful only if {@link #wrote}. */
    private long firstNanos;
    private boolean wrote;

    FirstOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        note(1);
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        note(len);
        out.write(b, off, len);  // FilterOutputStream's own would write byte by byte
    }

    private void note(int len) {
        if (!wrote && len > 0) {
            firstNanos = System.nanoTime();
            wrote = true;
        }
    }

    boolean wrote() {
        return wrote;
    }

    long firstNanos() {
        return firstNanos;
    }
}
