package dev.roast.frontend.types;

import java.util.List;
import java.util.stream.Collectors;

/** A static type of Roast (spec §3). Printed as the programmer writes it. */
public sealed interface Type {
    Prim INT = Prim.INT;
    Prim FLOAT = Prim.FLOAT;
    Prim BOOL = Prim.BOOL;
    Prim STR = Prim.STR;
    Prim NONE = Prim.NONE;
    Prim ANY = Prim.ANY;

    /** The types with no parameters; ANY is the dynamic type. */
    enum Prim implements Type {
        INT("int"), FLOAT("float"), BOOL("bool"), STR("str"), NONE("None"), ANY("any");

        private final String text;

        Prim(String text) { this.text = text; }

        @Override
        public String toString() { return text; }
    }

    record ListOf(Type element) implements Type {
        @Override
        public String toString() { return "list[" + element + "]"; }
    }

    record DictOf(Type key, Type value) implements Type {
        @Override
        public String toString() { return "dict[" + key + ", " + value + "]"; }
    }

    /** Iterable views that are not lists: `range(...)`, `d.keys()`, `d.values()`. */
    record View(ViewKind kind, Type element) implements Type {
        @Override
        public String toString() { return kind.text + (kind == ViewKind.RANGE ? "" : "[" + element + "]"); }
    }

    enum ViewKind {
        RANGE("range"), DICT_KEYS("dict_keys"), DICT_VALUES("dict_values");

        final String text;

        ViewKind(String text) { this.text = text; }
    }

    /** `Callable[[A, B], R]`: functions, lambdas, bound methods. */
    record Function(List<Type> params, Type result) implements Type {
        @Override
        public String toString() {
            return "Callable[[" + params.stream().map(Type::toString).collect(Collectors.joining(", ")) + "], " + result + "]";
        }
    }

    /** An instance of a class (user-defined or a built-in exception). */
    record Instance(ClassInfo cls) implements Type {
        @Override
        public String toString() { return cls.name(); }
    }

    /** The class object itself, as in `C.K`, `C(...)`, `isinstance(x, C)`. */
    record ClassObject(ClassInfo cls) implements Type {
        @Override
        public String toString() { return "type[" + cls.name() + "]"; }
    }

    /** A built-in function or type name used as a callee (`len`, `int`, ...). */
    record BuiltinFunction(String name) implements Type {
        @Override
        public String toString() { return "builtin " + name; }
    }

    /** An imported module such as `math`. */
    record Module(String name) implements Type {
        @Override
        public String toString() { return "module " + name; }
    }

    default boolean isNumeric() { return this == INT || this == FLOAT; }

    /** Types whose variables may hold None without saying so (spec §3). */
    default boolean isReference() {
        return switch (this) {
            case Prim p -> p == STR || p == NONE || p == ANY;
            default -> true;
        };
    }
}
