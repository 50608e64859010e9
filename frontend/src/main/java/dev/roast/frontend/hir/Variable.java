package dev.roast.frontend.hir;

import dev.roast.frontend.source.Span;
import dev.roast.frontend.types.ClassInfo;
import dev.roast.frontend.types.Type;

/**
 * A named storage location: a module global, or a parameter or local of one
 * function. Its type is fixed by its annotation or its first assignment.
 * A local that a nested function captures lives in a cell ({@link #isCell()}).
 */
public final class Variable {
    /** Where the variable lives. */
    public enum Kind { GLOBAL, PARAM, LOCAL }

    private final String name;
    private final Kind kind;
    private final FunctionInfo owner;
    private final Span span;
    private Type type;
    private int index = -1;
    private boolean cell;
    private FunctionInfo definedFunction;
    private ClassInfo definedClass;

    public Variable(String name, Kind kind, FunctionInfo owner, Span span) {
        this.name = name;
        this.kind = kind;
        this.owner = owner;
        this.span = span;
    }

    public String name() { return name; }

    public Kind kind() { return kind; }

    /** The function whose frame holds it; for globals, the module's top-level function. */
    public FunctionInfo owner() { return owner; }

    public Span span() { return span; }

    /** Null until the checker has seen the annotation or the first assignment. */
    public Type type() { return type; }

    public void setType(Type t) { type = t; }

    /** Slot in the frame (params first, then locals) or in the globals table. */
    public int index() { return index; }

    public void setIndex(int i) { index = i; }

    /** Captured by a nested function, so it is stored in a heap cell. */
    public boolean isCell() { return cell; }

    public void markCell() { cell = true; }

    /** Set when the variable is bound by a `def`, which it then holds for ever (E0070 forbids rebinding). */
    public FunctionInfo definedFunction() { return definedFunction; }

    public void setDefinedFunction(FunctionInfo f) { definedFunction = f; }

    /** Set when the variable is bound by a `class` statement. */
    public ClassInfo definedClass() { return definedClass; }

    public void setDefinedClass(ClassInfo c) { definedClass = c; }

    @Override
    public String toString() { return name; }
}
