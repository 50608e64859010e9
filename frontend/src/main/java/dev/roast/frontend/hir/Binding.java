package dev.roast.frontend.hir;

/** What a name in the program refers to, as decided by name resolution. */
public sealed interface Binding {
    /** A parameter or local of the function being run (possibly in a cell). */
    record Local(Variable variable) implements Binding {}

    /** A variable of an enclosing function, reached through the closure's captured cell at {@code index}. */
    record Free(Variable variable, int index) implements Binding {}

    record Global(Variable variable) implements Binding {}

    /** A built-in function, type or exception class, by name. */
    record Builtin(String name) implements Binding {}

    /** An imported module such as `math`. */
    record Module(String name) implements Binding {}

    default String describe() {
        return switch (this) {
            case Local(Variable v) -> (v.kind() == Variable.Kind.PARAM ? "param " : "local ") + v.index()
                    + (v.isCell() ? " cell" : "");
            case Free(Variable v, int i) -> "free " + i + " -> " + v.owner().qualifiedName() + "." + v.name();
            case Global(Variable v) -> "global " + v.index();
            case Builtin(String n) -> "builtin";
            case Module(String n) -> "module";
        };
    }
}
