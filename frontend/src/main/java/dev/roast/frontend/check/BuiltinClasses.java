package dev.roast.frontend.check;

import dev.roast.frontend.source.Span;
import dev.roast.frontend.types.ClassInfo;
import dev.roast.frontend.types.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The built-in exception hierarchy of spec §8, as classes user classes can extend. */
public final class BuiltinClasses {
    /** The hidden field holding an exception's message. */
    public static final String MESSAGE_FIELD = "<message>";

    private final Map<String, ClassInfo> classes = new LinkedHashMap<>();

    BuiltinClasses() {
        ClassInfo exception = define("Exception", null);
        // The message (what str(e) shows) in a hidden field: every exception class, user ones too,
        // inherits slot 0, so the runtime finds it at a fixed offset. '<' keeps it out of reach of source code.
        exception.addField(MESSAGE_FIELD, Type.ANY, Span.NONE);
        // Exception(msg) with zero or one argument; the checker allows both (see ExprChecker.constructorArgs).
        exception.addMethod("__init__", new Type.Function(List.of(Type.ANY), Type.NONE), false, Span.NONE);
        ClassInfo arithmetic = define("ArithmeticError", exception);
        ClassInfo lookup = define("LookupError", exception);
        ClassInfo runtime = define("RuntimeError", exception);
        ClassInfo os = define("OSError", exception);
        define("ValueError", exception);
        define("TypeError", exception);
        define("IndexError", lookup);
        define("KeyError", lookup);
        define("ZeroDivisionError", arithmetic);
        define("OverflowError", arithmetic);
        define("AttributeError", exception);
        define("RecursionError", runtime);
        define("NotImplementedError", runtime);
        define("AssertionError", exception);
        define("MemoryError", exception);
        ClassInfo name = define("NameError", exception);
        define("UnboundLocalError", name);
        define("FileNotFoundError", os);
    }

    private ClassInfo define(String name, ClassInfo base) {
        var c = new ClassInfo(name, base, true, Span.NONE);
        classes.put(name, c);
        return c;
    }

    Map<String, ClassInfo> byName() { return classes; }
}
