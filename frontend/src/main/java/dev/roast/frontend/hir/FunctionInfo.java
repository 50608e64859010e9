package dev.roast.frontend.hir;

import dev.roast.frontend.source.Span;
import dev.roast.frontend.types.ClassInfo;
import dev.roast.frontend.types.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * One function of the program (a def, a method, a lambda, or the module's
 * top-level code): its signature, its frame's variables, the enclosing
 * variables it captures, and, once checked, its body.
 */
public final class FunctionInfo {
    /** What kind of code this function is. */
    public enum Kind { MODULE, FUNCTION, METHOD, STATIC_METHOD, LAMBDA }

    private final String name;
    private String qualifiedName;
    private final Kind kind;
    private final FunctionInfo enclosing;
    private final ClassInfo ownerClass;
    private final Span span;
    private final List<Variable> params = new ArrayList<>();
    private final List<Variable> locals = new ArrayList<>();
    private final List<Variable> captured = new ArrayList<>();
    private Type result = Type.ANY;
    private Type.Function type;
    private boolean resultAnnotated;
    private ClassInfo.Method method;
    private List<HStmt> body = List.of();

    public FunctionInfo(String name, Kind kind, FunctionInfo enclosing, ClassInfo ownerClass, Span span) {
        this.name = name;
        this.kind = kind;
        this.enclosing = enclosing;
        this.ownerClass = ownerClass;
        this.span = span;
    }

    public String name() { return name; }

    /** `Outer.inner`, `Class.method`, `f.<lambda>`: the name listings and messages use. */
    public String qualifiedName() {
        if (qualifiedName == null) {
            qualifiedName = switch (kind) {
                case METHOD, STATIC_METHOD -> ownerClass.name() + "." + name;
                case MODULE -> name;
                default -> enclosing.kind == Kind.MODULE ? name : enclosing.qualifiedName() + "." + name;
            };
        }
        return qualifiedName;
    }

    public Kind kind() { return kind; }

    /** The function whose body contains this one's definition (null for the module). */
    public FunctionInfo enclosing() { return enclosing; }

    /** The class of a method or static method, else null. */
    public ClassInfo ownerClass() { return ownerClass; }

    public Span span() { return span; }

    /** Parameters in order; a method's first one is `self`. */
    public List<Variable> params() { return params; }

    /** Non-parameter locals in order of first appearance. */
    public List<Variable> locals() { return locals; }

    /** Variables of enclosing functions that this one reads or writes, in closure order. */
    public List<Variable> captured() { return captured; }

    public int captureIndex(Variable v) {
        int i = captured.indexOf(v);
        if (i < 0) {
            captured.add(v);
            i = captured.size() - 1;
        }
        return i;
    }

    /** Number of frame slots: parameters then locals. */
    public int frameSize() { return params.size() + locals.size(); }

    public Type result() { return result; }

    public boolean isResultAnnotated() { return resultAnnotated; }

    /** Sets the result type; called once the parameters have their types, which completes the signature. */
    public void setResult(Type t, boolean annotated) {
        result = t;
        resultAnnotated = annotated;
        type = null;
    }

    /** The function's type as a value; for methods, without `self`. */
    public Type.Function type() {
        if (type == null) {
            var ps = new ArrayList<Type>();
            for (int i = kind == Kind.METHOD ? 1 : 0; i < params.size(); i++) ps.add(params.get(i).type());
            type = new Type.Function(List.copyOf(ps), result);
        }
        return type;
    }

    public ClassInfo.Method method() { return method; }

    public void setMethod(ClassInfo.Method m) { method = m; }

    public List<HStmt> body() { return body; }

    public void setBody(List<HStmt> b) { body = b; }

    @Override
    public String toString() { return qualifiedName; }
}
