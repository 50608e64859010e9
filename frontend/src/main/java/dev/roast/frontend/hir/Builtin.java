package dev.roast.frontend.hir;

import java.util.HashMap;
import java.util.Map;

/**
 * The built-in functions of spec §9 and the functions of `math` and `sys`
 * (§11; their other attributes are {@code HExpr.ModuleConstant}s). {@code core}
 * is false for the [full] ones, which the checker reports as not supported yet.
 */
public enum Builtin {
    PRINT("print", true), LEN("len", true), RANGE("range", true), STR("str", true), REPR("repr", true),
    INT("int", true), FLOAT("float", true), BOOL("bool", true), ABS("abs", true), MIN("min", true),
    MAX("max", true), SUM("sum", true), ORD("ord", true), CHR("chr", true), ISINSTANCE("isinstance", true),
    SORTED("sorted", true), LIST("list", true), DICT("dict", true), ROUND("round", true), HEX("hex", true),
    BIN("bin", true),
    DIVMOD("divmod", false), INPUT("input", false), ENUMERATE("enumerate", false), ZIP("zip", false),
    REVERSED("reversed", false), SET("set", false), TUPLE("tuple", false), HASH("hash", false),
    OPEN("open", false),

    MATH_SQRT("math", "sqrt"), MATH_FLOOR("math", "floor"), MATH_CEIL("math", "ceil"), MATH_SIN("math", "sin"),
    MATH_COS("math", "cos"), MATH_TAN("math", "tan"), MATH_ATAN2("math", "atan2"), MATH_EXP("math", "exp"),
    MATH_LOG("math", "log"), MATH_POW("math", "pow"), MATH_FABS("math", "fabs"), MATH_ISNAN("math", "isnan"),
    MATH_ISINF("math", "isinf"),

    SYS_EXIT("sys", "exit");

    public final String module;
    public final String pyName;
    public final boolean core;

    Builtin(String pyName, boolean core) {
        this.module = null;
        this.pyName = pyName;
        this.core = core;
    }

    Builtin(String module, String pyName) {
        this.module = module;
        this.pyName = pyName;
        this.core = true;
    }

    private static final Map<String, Builtin> BY_NAME = new HashMap<>();

    static {
        for (Builtin b : values()) BY_NAME.put(b.displayName(), b);
    }

    /** The builtin with this Python name (not a module's), or null. */
    public static Builtin named(String name) {
        Builtin b = BY_NAME.get(name);
        return b != null && b.module == null ? b : null;
    }

    public static Builtin inModule(String module, String name) {
        return BY_NAME.get(module + "." + name);
    }

    public String displayName() { return module == null ? pyName : module + "." + pyName; }
}
