package dev.roast.runtime.format;

import java.util.Locale;

/**
 * Pads, signs and groups a formatted number as CPython's {@code calc_number_widths},
 * {@code fill_number} and {@code _PyUnicode_InsertThousandsGrouping} do:
 * {@code <lpadding><sign><prefix><spadding><grouped digits><decimal><remainder><rpadding>}.
 */
final class NumberLayout {
    /** The most characters a formatted value may have before we give up, as CPython would with MemoryError. */
    private static final long MAX_LENGTH = Integer.MAX_VALUE - 16;

    private NumberLayout() {}

    /** The parts of a number to lay out; {@code digits} are ASCII and are the only part grouped. */
    record Parts(boolean negative, String prefix, String digits, boolean hasDecimal, String remainder) {}

    static String layout(FormatSpec spec, Parts parts, FormatSpec.Grouping grouping, boolean toUpper) {
        int sign = signChar(spec.sign, parts.negative());
        int nonDigits = (sign != 0 ? 1 : 0) + parts.prefix().length() + (parts.hasDecimal() ? 1 : 0)
                + parts.remainder().codePointCount(0, parts.remainder().length());
        long minWidth = spec.fill == '0' && spec.align == '=' ? spec.width - nonDigits : 0;
        String grouped = parts.digits().isEmpty() ? "" : group(parts.digits(), minWidth, grouping);
        if (toUpper) {
            grouped = grouped.toUpperCase(Locale.ROOT);
        }
        long padding = Math.max(0, spec.width - (nonDigits + grouped.length()));
        long left = 0;
        long inner = 0;
        long right = 0;
        switch (spec.align) {
            case '<' -> right = padding;
            case '^' -> {
                left = padding / 2;
                right = padding - left;
            }
            case '=' -> inner = padding;
            default -> left = padding;
        }
        if (padding + nonDigits + grouped.length() > MAX_LENGTH) {
            throw new FormatException("MemoryError", "");
        }
        StringBuilder out = new StringBuilder();
        out.repeat(spec.fill, (int) left);
        if (sign != 0) {
            out.append((char) sign);
        }
        out.append(toUpper ? parts.prefix().toUpperCase(Locale.ROOT) : parts.prefix());
        out.repeat(spec.fill, (int) inner);
        out.append(grouped);
        if (parts.hasDecimal()) {
            out.append('.');
        }
        out.append(parts.remainder());
        out.repeat(spec.fill, (int) right);
        return out.toString();
    }

    /** The sign character to print, or 0: {@code '+'} and {@code ' '} ask for one on non-negative numbers. */
    private static int signChar(int specSign, boolean negative) {
        if (negative) {
            return '-';
        }
        return specSign == '+' || specSign == ' ' ? specSign : 0;
    }

    /**
     * The digits, zero-padded on the left to at least {@code minWidth} characters, with the
     * grouping's separators; the zero padding is grouped too ({@code format(1234, '09,')} is
     * {@code 0,001,234}). A port of {@code _PyUnicode_InsertThousandsGrouping}.
     */
    static String group(String digits, long minWidth, FormatSpec.Grouping grouping) {
        minWidth = Math.max(0, minWidth);
        if (minWidth > MAX_LENGTH) {
            throw new FormatException("MemoryError", "");
        }
        StringBuilder reversed = new StringBuilder();
        int remaining = digits.length();
        boolean useSeparator = false;
        boolean finished = false;
        if (grouping.size > 0) {
            while (true) {
                int len = (int) Math.min(grouping.size, Math.max(Math.max(remaining, minWidth), 1));
                appendGroup(reversed, digits, remaining, len, useSeparator ? grouping.separator : 0);
                useSeparator = true;
                remaining -= Math.min(remaining, len);
                minWidth -= len;
                if (remaining <= 0 && minWidth <= 0) {
                    finished = true;
                    break;
                }
                minWidth -= 1;
            }
        }
        if (!finished) {
            int len = (int) Math.max(Math.max(remaining, minWidth), 1);
            appendGroup(reversed, digits, remaining, len, useSeparator ? grouping.separator : 0);
        }
        return reversed.reverse().toString();
    }

    /** Appends, right to left, a separator (unless 0), then up to {@code len} digits, then zeros to make {@code len}. */
    private static void appendGroup(StringBuilder reversed, String digits, int remaining, int len, char separator) {
        if (separator != 0) {
            reversed.append(separator);
        }
        int chars = Math.min(remaining, len);
        for (int i = remaining - 1; i >= remaining - chars; i--) {
            reversed.append(digits.charAt(i));
        }
        reversed.repeat('0', len - chars);
    }
}
