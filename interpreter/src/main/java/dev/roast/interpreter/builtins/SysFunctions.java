package dev.roast.interpreter.builtins;

import dev.roast.interpreter.SystemExit;
import dev.roast.interpreter.values.Context;
import dev.roast.interpreter.values.Kinds;
import dev.roast.interpreter.values.Text;
import dev.roast.values.PackedValue;

/** The functions of `sys` (spec §11); `sys.argv` is a value the runtime holds. */
final class SysFunctions {
    private SysFunctions() {}

    /**
     * `sys.exit(status=None)`, as CPython handles an uncaught SystemExit: None is status 0, an int (a bool too)
     * is the status, anything else is printed on stderr (its str()) and the status is 1. Never returns.
     */
    static long exit(Context c, Args a) {
        a.count("exit", 0, 1);
        long v = a.get(0, PackedValue.NONE);
        if (v == PackedValue.NONE) throw new SystemExit(0, null);
        if (PackedValue.isBool(v)) throw new SystemExit(v == PackedValue.TRUE ? 1 : 0, null);
        // CPython truncates the status to a C int; the OS then keeps its low 8 bits.
        if (Kinds.isInt(v)) throw new SystemExit((int) Kinds.intValue(v), null);
        throw new SystemExit(1, Text.str(c, v));
    }
}
