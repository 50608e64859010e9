package dev.roast.runtime.format;

/** Python's {@code repr(float)} and {@code str(float)}: the shortest string that reads back as the same double. */
public final class FloatRepr {
    private FloatRepr() {}

    /**
     * {@code repr(value)} as CPython 3.12 prints it: {@code 1.0}, {@code 0.1}, {@code 1e+16},
     * {@code 1e-05}, {@code -0.0}, {@code inf}, {@code nan}.
     */
    public static String repr(double value) {
        return FloatLayout.format(value, 'r', 0, FloatLayout.Options.REPR);
    }
}
