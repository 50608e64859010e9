package dev.roast.runtime.format;

/**
 * A parsed format specification, {@code [[fill]align][sign][z][#][0][width][grouping][.precision][type]},
 * validated as CPython 3.12's {@code parse_internal_render_format_spec} does (Python/formatter_unicode.c).
 *
 * <p>Parsing needs the kind of value being formatted, because it fills in that type's default
 * presentation type and alignment, and its error messages name the type. Errors are
 * {@link FormatException}s carrying CPython's {@code ValueError} messages.
 */
public final class FormatSpec {

    /** The kinds of value Python's format-spec mini-language applies to, with their defaults. */
    public enum Target {
        INT("int", 'd', '>'),
        BOOL("bool", 'd', '>'),
        FLOAT("float", NO_TYPE, '>'),
        STR("str", 's', '<');

        private final String typeName;
        private final int defaultType;
        private final int defaultAlign;

        Target(String typeName, int defaultType, int defaultAlign) {
            this.typeName = typeName;
            this.defaultType = defaultType;
            this.defaultAlign = defaultAlign;
        }

        /** The Python type name used in error messages. */
        public String typeName() {
            return typeName;
        }
    }

    /** Digit grouping: none, {@code ,} every 3, {@code _} every 3, or {@code _} every 4 (b, o, x, X). */
    enum Grouping {
        NONE(0, 0), COMMA(',', 3), UNDERSCORE('_', 3), UNDERSCORE_FOUR('_', 4);

        final char separator;
        final int size;

        Grouping(int separator, int size) {
            this.separator = (char) separator;
            this.size = size;
        }
    }

    /** The type code when the spec has none and the target's default is none (floats). */
    public static final int NO_TYPE = 0;
    /** The width or precision when the spec does not give one. */
    public static final long UNSPECIFIED = -1;

    private static final FormatSpec[] EMPTY = new FormatSpec[Target.values().length];

    static {
        for (Target target : Target.values()) {
            EMPTY[target.ordinal()] = new FormatSpec(target, "", ' ', target.defaultAlign, 0, false, false,
                    UNSPECIFIED, Grouping.NONE, UNSPECIFIED, target.defaultType);
        }
    }

    final Target target;
    final String text;
    final int fill;
    final int align;
    final int sign;
    final boolean noNegativeZero;
    final boolean alternate;
    final long width;
    final Grouping grouping;
    final long precision;
    final int type;

    private FormatSpec(Target target, String text, int fill, int align, int sign, boolean noNegativeZero,
                       boolean alternate, long width, Grouping grouping, long precision, int type) {
        this.target = target;
        this.text = text;
        this.fill = fill;
        this.align = align;
        this.sign = sign;
        this.noNegativeZero = noNegativeZero;
        this.alternate = alternate;
        this.width = width;
        this.grouping = grouping;
        this.precision = precision;
        this.type = type;
    }

    /** Parses {@code spec} for a value of kind {@code target}. */
    public static FormatSpec parse(String spec, Target target) {
        return spec.isEmpty() ? EMPTY[target.ordinal()] : new Parser(spec, target).parse();
    }

    /** The TypeError CPython raises for a non-empty spec on a type without {@code __format__} (list, None…). */
    public static FormatException unsupported(String typeName) {
        return FormatException.typeError("unsupported format string passed to " + typeName + ".__format__");
    }

    /** Whether the spec is empty: formatting is then {@code str(value)}. */
    public boolean isEmpty() {
        return text.isEmpty();
    }

    /** The kind of value this spec was parsed for. */
    public Target target() {
        return target;
    }

    /** The presentation type's code point, or {@link #NO_TYPE}. */
    public int type() {
        return type;
    }

    /** The spec's text, as written. */
    @Override
    public String toString() {
        return text;
    }

    /** CPython's error for a presentation type the value's type does not know. */
    FormatException unknownType() {
        return FormatException.valueError(
                "Unknown format code '" + typeCode(type) + "' for object of type '" + target.typeName + "'");
    }

    /** A type code as CPython's messages print it: the character if printable ASCII, else {@code \xNN}. */
    private static String typeCode(int type) {
        return type > 32 && type < 128 ? String.valueOf((char) type) : "\\x" + Integer.toHexString(type);
    }

    /** A single left-to-right pass over the spec's code points, as CPython's parser. */
    private static final class Parser {
        private final String text;
        private final Target target;
        private final int[] cps;
        private int pos;

        Parser(String text, Target target) {
            this.text = text;
            this.target = target;
            this.cps = text.codePoints().toArray();
        }

        FormatSpec parse() {
            int fill = ' ';
            int align = target.defaultAlign;
            boolean fillSpecified = false;
            boolean alignSpecified = false;
            if (remaining() >= 2 && isAlign(cps[pos + 1])) {
                fill = cps[pos];
                align = cps[pos + 1];
                fillSpecified = true;
                alignSpecified = true;
                pos += 2;
            } else if (remaining() >= 1 && isAlign(cps[pos])) {
                align = cps[pos++];
                alignSpecified = true;
            }
            int sign = 0;
            if (remaining() >= 1 && isSign(cps[pos])) {
                sign = cps[pos++];
            }
            boolean noNegativeZero = accept('z');
            boolean alternate = accept('#');
            if (!fillSpecified && remaining() >= 1 && cps[pos] == '0') {
                fill = '0';
                if (!alignSpecified && target.defaultAlign == '>') {
                    align = '=';
                }
                pos++;
            }
            long width = integer();
            Grouping grouping = Grouping.NONE;
            if (accept(',')) {
                grouping = Grouping.COMMA;
            }
            if (remaining() >= 1 && cps[pos] == '_') {
                if (grouping != Grouping.NONE) {
                    throw bothSeparators();
                }
                grouping = Grouping.UNDERSCORE;
                pos++;
            }
            if (remaining() >= 1 && cps[pos] == ',' && grouping == Grouping.UNDERSCORE) {
                throw bothSeparators();
            }
            long precision = UNSPECIFIED;
            if (accept('.')) {
                precision = integer();
                if (precision == UNSPECIFIED) {
                    throw FormatException.valueError("Format specifier missing precision");
                }
            }
            if (remaining() > 1) {
                throw FormatException.valueError("Invalid format specifier '" + text
                        + "' for object of type '" + target.typeName + "'");
            }
            int type = remaining() == 1 ? cps[pos++] : target.defaultType;
            grouping = checkGrouping(grouping, type);
            return new FormatSpec(target, text, fill, align, sign, noNegativeZero, alternate,
                    width, grouping, precision, type);
        }

        private int remaining() {
            return cps.length - pos;
        }

        private boolean accept(int c) {
            if (remaining() >= 1 && cps[pos] == c) {
                pos++;
                return true;
            }
            return false;
        }

        /** A run of decimal digits (any script, as CPython), or {@link #UNSPECIFIED} if there are none. */
        private long integer() {
            int start = pos;
            long value = 0;
            while (pos < cps.length) {
                int digit = Character.digit(cps[pos], 10);
                if (digit < 0) {
                    break;
                }
                if (value > (Long.MAX_VALUE - digit) / 10) {
                    throw FormatException.valueError("Too many decimal digits in format string");
                }
                value = value * 10 + digit;
                pos++;
            }
            return pos == start ? UNSPECIFIED : value;
        }

        private static Grouping checkGrouping(Grouping grouping, int type) {
            if (grouping == Grouping.NONE) {
                return grouping;
            }
            switch (type) {
                case 'd', 'e', 'f', 'g', 'E', 'G', '%', 'F', NO_TYPE -> {
                    return grouping;
                }
                case 'b', 'o', 'x', 'X' -> {
                    if (grouping == Grouping.UNDERSCORE) {
                        return Grouping.UNDERSCORE_FOUR;
                    }
                }
                default -> { }
            }
            throw FormatException.valueError(
                    "Cannot specify '" + grouping.separator + "' with '" + typeCode(type) + "'.");
        }

        private static FormatException bothSeparators() {
            return FormatException.valueError("Cannot specify both ',' and '_'.");
        }

        private static boolean isAlign(int c) {
            return c == '<' || c == '>' || c == '=' || c == '^';
        }

        private static boolean isSign(int c) {
            return c == ' ' || c == '+' || c == '-';
        }
    }
}
