package dev.roast.vm.stats;

/**
 * Writes JSON text, just what the stats file needs (roast takes no JSON library for
 * one small file). The top level puts one member on each line, everything
 * deeper stays on its member's line, so a stats file reads at a glance and diffs
 * by field. The text is ASCII: anything else is escaped.
 */
final class JsonWriter {
    private final StringBuilder text = new StringBuilder();
    /** Open objects and arrays. */
    private int depth;
    /** Whether the current object or array has no member yet (no comma before the next). */
    private boolean first = true;
    /** After a member's name: its value comes next, with no comma or line break before it. */
    private boolean afterName;

    JsonWriter beginObject() {
        beforeValue();
        text.append('{');
        depth++;
        first = true;
        return this;
    }

    JsonWriter endObject() {
        depth--;
        if (depth == 0) text.append('\n');
        text.append('}');
        first = false;
        return this;
    }

    JsonWriter beginArray() {
        beforeValue();
        text.append('[');
        depth++;
        first = true;
        return this;
    }

    JsonWriter endArray() {
        depth--;
        if (depth == 0) text.append('\n');
        text.append(']');
        first = false;
        return this;
    }

    /** The next member's name; its value follows. */
    JsonWriter name(String name) {
        beforeValue();
        string(name);
        text.append(": ");
        afterName = true;
        return this;
    }

    JsonWriter value(long n) {
        beforeValue();
        text.append(n);
        return this;
    }

    /**
     * The decimal {@code unscaled} × 10^-{@code scale}, written plainly (never an exponent) with its trailing
     * zeros dropped but always a point: {@code decimal(12300, 3)} is {@code 12.3}, {@code decimal(5, 0)} is {@code 5.0}.
     * Integer arithmetic rather than BigDecimal or a format string: their first use costs ~100 ms in a cold JVM.
     */
    JsonWriter decimal(long unscaled, int scale) {
        if (scale < 0 || scale > 18 || unscaled == Long.MIN_VALUE) throw new IllegalArgumentException(unscaled + "e-" + scale);
        beforeValue();
        long magnitude = Math.abs(unscaled), unit = 1;
        for (int i = 0; i < scale; i++) unit *= 10;
        if (unscaled < 0) text.append('-');
        text.append(magnitude / unit).append('.');
        String fraction = Long.toString(magnitude % unit + unit).substring(1);  // zero-padded to `scale` digits
        int end = fraction.length();
        while (end > 1 && fraction.charAt(end - 1) == '0') end--;
        text.append(end == 0 ? "0" : fraction.substring(0, end));
        return this;
    }

    JsonWriter value(String s) {
        beforeValue();
        string(s);
        return this;
    }

    JsonWriter nullValue() {
        beforeValue();
        text.append("null");
        return this;
    }

    /** The text so far, with a final newline. */
    String text() {
        return text + "\n";
    }

    private void beforeValue() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (!first) text.append(depth == 1 ? "," : ", ");
        if (depth == 1) text.append("\n  ");
        first = false;
    }

    private void string(String s) {
        text.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> {
                    if (c >= 0x20 && c < 0x7F) text.append(c);
                    else {  // a surrogate pair stays a pair, escaped
                        String hex = Integer.toHexString(c);
                        text.append("\\u").append("0".repeat(4 - hex.length())).append(hex);
                    }
                }
            }
        }
        text.append('"');
    }
}
