package dev.roast.frontend.check;

import dev.roast.frontend.hir.Builtin;
import dev.roast.frontend.types.Type;
import java.util.List;
import java.util.Set;

/** What the checker knows about builtin names beyond their call rules: which are refused, which are values. */
final class Builtins {
    private Builtins() {}

    /** Python builtins Roast leaves out for good (spec §13 item 4). */
    static final Set<String> NEVER = Set.of("eval", "exec", "compile", "getattr", "setattr", "hasattr", "delattr",
            "globals", "locals", "vars", "__import__", "breakpoint", "memoryview", "bytearray", "bytes", "complex",
            "classmethod", "property", "object");

    /** Python builtins that a later Roast may support. */
    static final Set<String> NOT_YET = Set.of("map", "filter", "any", "all", "iter", "next", "type", "id", "format",
            "pow", "callable", "frozenset", "slice", "issubclass", "ascii", "oct", "StopIteration", "BaseException");

    /** The standard modules `import NAME` loads (§11); their functions are {@link Builtin}s, their values below. */
    static final Set<String> MODULES = Set.of("math", "sys");

    private static final Set<String> MATH_CONSTANTS = Set.of("pi", "e", "inf", "nan", "tau");

    /** Members of `sys` in spec §11 that are [full] and not supported yet (a member of no list is unknown). */
    static final Set<String> SYS_NOT_YET = Set.of("stdin", "stdout", "stderr");

    /** The type of a module's value that is not a function (`math.pi`, `sys.argv`), or null if it has none of that name. */
    static Type moduleValue(String module, String name) {
        return switch (module) {
            case "math" -> MATH_CONSTANTS.contains(name) ? Type.FLOAT : null;
            case "sys" -> name.equals("argv") ? new Type.ListOf(Type.STR) : null;
            default -> null;
        };
    }

    /** The function type of a builtin used as a value (`key=len`), or null if it cannot be one. */
    static Type.Function asValue(Builtin b) {
        return switch (b) {
            case LEN -> fn(Type.INT, Type.ANY);
            case STR, REPR -> fn(Type.STR, Type.ANY);
            case INT -> fn(Type.INT, Type.ANY);
            case FLOAT -> fn(Type.FLOAT, Type.ANY);
            case BOOL -> fn(Type.BOOL, Type.ANY);
            case ABS -> fn(Type.ANY, Type.ANY);
            case ORD -> fn(Type.INT, Type.STR);
            case CHR, HEX, BIN -> fn(Type.STR, Type.INT);
            case MATH_SQRT, MATH_SIN, MATH_COS, MATH_TAN, MATH_EXP, MATH_LOG, MATH_FABS -> fn(Type.FLOAT, Type.FLOAT);
            case MATH_ATAN2, MATH_POW -> fn(Type.FLOAT, Type.FLOAT, Type.FLOAT);
            case MATH_FLOOR, MATH_CEIL -> fn(Type.INT, Type.FLOAT);
            case MATH_ISNAN, MATH_ISINF -> fn(Type.BOOL, Type.FLOAT);
            default -> null;
        };
    }

    private static Type.Function fn(Type result, Type... params) {
        return new Type.Function(List.of(params), result);
    }
}
