package dev.roast.frontend.types;

import dev.roast.frontend.source.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A class: its base, the fixed layout of its instance fields (base fields
 * first, so a field keeps its slot in every subclass), its methods with their
 * virtual-table indices, and its class-level constants.
 */
public final class ClassInfo {
    /** An instance field at a fixed slot. */
    public record Field(String name, Type type, int slot, ClassInfo owner, Span span) {}

    /** A method: its signature without `self`, virtual slot (-1 for static methods). */
    public record Method(String name, Type.Function signature, boolean isStatic, int vtableSlot, ClassInfo owner, Span span) {}

    /** A class-level constant such as `K: int = 3`. */
    public record Constant(String name, Type type, ClassInfo owner, Span span) {}

    private final String name;
    private final ClassInfo base;
    private final boolean builtin;
    private final Span span;
    private final Map<String, Field> ownFields = new LinkedHashMap<>();
    private final Map<String, Method> ownMethods = new LinkedHashMap<>();
    private final Map<String, Constant> ownConstants = new LinkedHashMap<>();
    /** Slots this class adds after its base's. The base's size is read at each use, not copied: classes are all created before any member is declared. */
    private int newVtableSlots;

    public ClassInfo(String name, ClassInfo base, boolean builtin, Span span) {
        this.name = name;
        this.base = base;
        this.builtin = builtin;
        this.span = span;
    }

    public String name() { return name; }

    public ClassInfo base() { return base; }

    /** Built-in classes are the exception hierarchy of spec §8. */
    public boolean isBuiltin() { return builtin; }

    public Span span() { return span; }

    public boolean isSubclassOf(ClassInfo other) {
        for (ClassInfo c = this; c != null; c = c.base) if (c == other) return true;
        return false;
    }

    public boolean isException() {
        for (ClassInfo c = this; c != null; c = c.base) if (c.builtin && c.name.equals("Exception")) return true;
        return false;
    }

    public int fieldCount() { return base == null ? ownFields.size() : base.fieldCount() + ownFields.size(); }

    public Field addField(String fieldName, Type type, Span at) {
        var f = new Field(fieldName, type, fieldCount(), this, at);
        ownFields.put(fieldName, f);
        return f;
    }

    /** Replaces a field's type once it is inferred from its first assignment. */
    public void setFieldType(Field f, Type type) {
        ownFields.put(f.name(), new Field(f.name(), type, f.slot(), this, f.span()));
    }

    public Field field(String fieldName) {
        for (ClassInfo c = this; c != null; c = c.base) {
            Field f = c.ownFields.get(fieldName);
            if (f != null) return f;
        }
        return null;
    }

    /** All fields in slot order, base fields first. */
    public List<Field> fields() {
        var all = base == null ? new ArrayList<Field>() : new ArrayList<>(base.fields());
        all.addAll(ownFields.values());
        return all;
    }

    public Method addMethod(String methodName, Type.Function signature, boolean isStatic, Span at) {
        int slot = -1;
        if (!isStatic) {
            Method inherited = base == null ? null : base.method(methodName);
            if (inherited != null && inherited.vtableSlot() >= 0) {
                slot = inherited.vtableSlot();
            } else {
                slot = vtableSize();
                newVtableSlots++;
            }
        }
        var m = new Method(methodName, signature, isStatic, slot, this, at);
        ownMethods.put(methodName, m);
        return m;
    }

    public Method method(String methodName) {
        for (ClassInfo c = this; c != null; c = c.base) {
            Method m = c.ownMethods.get(methodName);
            if (m != null) return m;
        }
        return null;
    }

    public Map<String, Method> ownMethods() { return Collections.unmodifiableMap(ownMethods); }

    public int vtableSize() { return (base == null ? 0 : base.vtableSize()) + newVtableSlots; }

    public Constant addConstant(String constName, Type type, Span at) {
        var c = new Constant(constName, type, this, at);
        ownConstants.put(constName, c);
        return c;
    }

    public Constant constant(String constName) {
        for (ClassInfo c = this; c != null; c = c.base) {
            Constant k = c.ownConstants.get(constName);
            if (k != null) return k;
        }
        return null;
    }

    public Map<String, Constant> ownConstants() { return Collections.unmodifiableMap(ownConstants); }

    public Map<String, Field> ownFields() { return Collections.unmodifiableMap(ownFields); }

    @Override
    public String toString() { return name; }
}
