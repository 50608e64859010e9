package dev.roast.frontend;

/** A bug inside the compiler, with the source position ("file:line:col") it was working on. */
public final class CompilerFailure extends RuntimeException {
    private final String position;

    public CompilerFailure(Throwable cause, String position) {
        super(cause);
        this.position = position;
    }

    public String position() { return position; }
}
