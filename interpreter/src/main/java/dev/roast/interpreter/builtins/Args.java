package dev.roast.interpreter.builtins;

import dev.roast.interpreter.PyError;
import dev.roast.interpreter.values.Context;
import dev.roast.interpreter.values.Kinds;
import dev.roast.interpreter.values.Strings;
import dev.roast.values.PackedValue;

/**
 * The arguments of a builtin call: positional words, keyword names and keyword words. The words
 * stay rooted in the caller's frame for the duration of the call.
 */
public record Args(long[] positional, String[] keywordNames, long[] keywords) {
    private static final String[] NO_NAMES = {};
    private static final long[] NO_WORDS = {};

    public static Args of(long... positional) {
        return new Args(positional, NO_NAMES, NO_WORDS);
    }

    public int count() { return positional.length; }

    public long get(int i) { return positional[i]; }

    /** The positional argument i, or {@code dflt} when there are fewer. */
    public long get(int i, long dflt) { return i < positional.length ? positional[i] : dflt; }

    /** The keyword argument's word, or UNBOUND when not given. */
    public long keyword(String name) {
        for (int k = 0; k < keywordNames.length; k++) if (keywordNames[k].equals(name)) return keywords[k];
        return PackedValue.UNBOUND;
    }

    /** TypeError unless every keyword name is one of {@code allowed}. */
    public Args onlyKeywords(String function, String... allowed) {
        outer:
        for (String k : keywordNames) {
            for (String a : allowed) if (a.equals(k)) continue outer;
            throw new PyError("TypeError", "'" + k + "' is an invalid keyword argument for " + function + "()");
        }
        return this;
    }

    /** TypeError unless there are between min and max positional arguments. */
    public Args count(String function, int min, int max) {
        int n = positional.length;
        if (n < min || n > max) {
            String expected = min == max ? (min == 1 ? "exactly one argument" : "exactly " + min + " arguments")
                    : n < min ? "at least " + min + " argument" + (min == 1 ? "" : "s") : "at most " + max + " argument" + (max == 1 ? "" : "s");
            throw new PyError("TypeError", function + "() takes " + expected + " (" + n + " given)");
        }
        return this;
    }

    public static long intArg(Context c, long v, String what) {
        if (!Kinds.isInt(v)) {
            throw new PyError("TypeError", "'" + Kinds.typeName(c, v) + "' object cannot be interpreted as an integer");
        }
        return Kinds.intValue(v);
    }

    public static String strArg(Context c, long v, String what) {
        if (!Kinds.isStr(v)) throw new PyError("TypeError", (what.isEmpty() ? "" : what + " ") + "must be str, not " + Kinds.typeName(c, v));
        return Strings.text(v);
    }
}
