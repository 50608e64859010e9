package dev.roast.runtime.format;

/** A Python exception raised by formatting, parsing or rounding: its class name and message. */
public final class FormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String pythonType;

    public FormatException(String pythonType, String message) {
        super(message, null, false, false);
        this.pythonType = pythonType;
    }

    static FormatException valueError(String message) {
        return new FormatException("ValueError", message);
    }

    static FormatException overflowError(String message) {
        return new FormatException("OverflowError", message);
    }

    static FormatException typeError(String message) {
        return new FormatException("TypeError", message);
    }

    /** Roast's 64-bit overflow (spec §13 item 1). */
    static FormatException integerOverflow() {
        return overflowError("integer overflow");
    }

    /** The Python exception class name, such as {@code ValueError}. */
    public String pythonType() {
        return pythonType;
    }

    /** What Python prints for the exception: {@code ValueError: message}. */
    @Override
    public String toString() {
        return pythonType + ": " + getMessage();
    }
}
