package dev.roast.interpreter.builtins;

import dev.roast.frontend.hir.Builtin;
import dev.roast.frontend.hir.BuiltinMethod;
import dev.roast.interpreter.PyError;
import dev.roast.interpreter.values.Context;
import dev.roast.interpreter.values.Kinds;

/**
 * Dispatch of the builtin functions of spec §9, `math` and `sys` (except `print` and `isinstance`, which need
 * the interpreter's output and object model), and of the str/list/dict methods.
 */
public final class BuiltinFunctions {
    private BuiltinFunctions() {}

    public static long call(Context c, Builtin b, Args a) {
        if ("math".equals(b.module)) return MathFunctions.call(c, b, a);
        if (b != Builtin.SORTED && b != Builtin.MIN && b != Builtin.MAX && b != Builtin.INT && b != Builtin.ROUND
                && b != Builtin.SUM && b != Builtin.DICT) {
            a.onlyKeywords(b.pyName);
        }
        return switch (b) {
            case LEN -> ContainerBuiltins.len(c, a);
            case RANGE -> ContainerBuiltins.range(c, a);
            case LIST -> ContainerBuiltins.list(c, a);
            case DICT -> ContainerBuiltins.dict(c, a);
            case STR -> TextBuiltins.str(c, a);
            case REPR -> TextBuiltins.repr(c, a);
            case ORD -> TextBuiltins.ord(c, a);
            case CHR -> TextBuiltins.chr(c, a);
            case INT -> NumberBuiltins.intOf(c, a);
            case FLOAT -> NumberBuiltins.floatOf(c, a);
            case BOOL -> NumberBuiltins.boolOf(c, a);
            case ABS -> NumberBuiltins.abs(c, a);
            case ROUND -> NumberBuiltins.round(c, a);
            case HEX -> NumberBuiltins.hex(c, a);
            case BIN -> NumberBuiltins.bin(c, a);
            case MIN -> MinMax.min(c, a);
            case MAX -> MinMax.max(c, a);
            case SUM -> Sum.sum(c, a);
            case SORTED -> Sorting.sorted(c, a);
            case SYS_EXIT -> SysFunctions.exit(c, a);
            default -> throw new PyError("NotImplementedError", b.displayName() + "() is not supported yet");
        };
    }

    /** A str/list/dict method on {@code self}; AttributeError when the receiver is not of the method's type. */
    public static long callMethod(Context c, BuiltinMethod m, long self, Args a) {
        boolean ok = switch (m.receiver) {
            case STR -> Kinds.isStr(self);
            case LIST -> Kinds.isList(self);
            case DICT -> Kinds.isDict(self);
        };
        if (!ok) {
            throw new PyError("AttributeError", "'" + Kinds.typeName(c, self) + "' object has no attribute '" + m.pyName + "'");
        }
        return switch (m.receiver) {
            case STR -> StrMethods.call(c, m, self, a);
            case LIST -> ListMethods.call(c, m, self, a);
            case DICT -> DictMethods.call(c, m, self, a);
        };
    }
}
