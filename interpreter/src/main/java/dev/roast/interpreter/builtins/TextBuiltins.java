package dev.roast.interpreter.builtins;

import dev.roast.heap.Str;
import dev.roast.interpreter.PyError;
import dev.roast.interpreter.values.Context;
import dev.roast.interpreter.values.Kinds;
import dev.roast.interpreter.values.Strings;
import dev.roast.interpreter.values.Text;
import dev.roast.values.PackedValue;

/** `str`, `repr`, `ord` and `chr`. */
public final class TextBuiltins {
    private TextBuiltins() {}

    public static long str(Context c, Args a) {
        a.count("str", 0, 1);
        if (a.count() == 0) return PackedValue.ofPointer(c.heap().emptyStr());
        long v = a.get(0);
        if (Kinds.isStr(v)) return v;
        // An int's digits go straight into a new string's bytes, with no Java string in between.
        if (Kinds.isInt(v)) return PackedValue.ofPointer(Str.ofLong(c.heap(), Kinds.intValue(v)));
        return Strings.word(c.heap(), Text.str(c, v));
    }

    public static long repr(Context c, Args a) {
        a.count("repr", 1, 1);
        return Strings.word(c.heap(), Text.repr(c, a.get(0)));
    }

    public static long ord(Context c, Args a) {
        a.count("ord", 1, 1);
        long v = a.get(0);
        if (!Kinds.isStr(v)) throw new PyError("TypeError", "ord() expected string of length 1, but " + Kinds.typeName(c, v) + " found");
        long s = Kinds.addr(v);
        if (Str.length(s) != 1) {
            throw new PyError("TypeError", "ord() expected a character, but string of length " + Str.length(s) + " found");
        }
        return PackedValue.ofInt(Str.codePointAt(s, 0));
    }

    public static long chr(Context c, Args a) {
        a.count("chr", 1, 1);
        long i = Args.intArg(c, a.get(0), "chr");
        if (i < 0 || i > 0x10FFFF) throw new PyError("ValueError", "chr() arg not in range(0x110000)");
        int cp = (int) i;
        return PackedValue.ofPointer(cp < 0x100 ? c.heap().latin1Char(cp) : Str.ofCodePoint(c.heap(), cp));
    }
}
