package dev.roast.interpreter;

/**
 * A Python exception raised by runtime code written in Java (`1 // 0`,
 * `int("x")`): the exception class's name and its message. The interpreter
 * turns it into a Roast exception object where it is caught. It has no Java
 * stack trace: it is control flow, and filling one in would cost more than
 * the operation that failed.
 */
public final class PyError extends RuntimeException {
    private final String type;

    public PyError(String type, String message) {
        super(message, null, false, false);
        this.type = type;
    }

    /** The Python exception class, e.g. "ZeroDivisionError". */
    public String type() { return type; }

    public static PyError overflow() {
        return new PyError("OverflowError", "integer overflow");
    }
}
