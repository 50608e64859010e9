package dev.roast.interpreter;

/**
 * `sys.exit(...)` on its way out of the program: the exit status and, for a
 * status that is not an int or None, the text Python prints on stderr. It is
 * not a Roast exception: nothing in a program can catch it yet (there is no
 * `try`), so it goes straight to {@link Vm#run}, through every activation,
 * leaving no traceback. Stackless, like {@link PyError}.
 */
public final class SystemExit extends RuntimeException {
    private final int status;

    /** {@code message} is null when nothing is printed (an int or None status). */
    public SystemExit(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** The process's exit status (the OS keeps its low 8 bits, as for CPython). */
    public int status() { return status; }
}
