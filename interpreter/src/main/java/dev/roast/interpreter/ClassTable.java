package dev.roast.interpreter;

import dev.roast.frontend.hir.FunctionInfo;
import dev.roast.frontend.hir.HModule;
import dev.roast.frontend.types.ClassInfo;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The classes of a running program with their ids (an instance's header
 * holds its class id), their virtual tables (vtable slot → function id,
 * most-derived method first) and the built-in exceptions by name.
 */
final class ClassTable {
    private final List<ClassInfo> classes = new ArrayList<>();
    private final Map<ClassInfo, Integer> ids = new IdentityHashMap<>();
    private final Map<String, ClassInfo> builtins;
    private final int[][] vtables;
    /** Every method with a body (user methods and static methods) → its function id. */
    private final Map<ClassInfo.Method, Integer> methodIds = new IdentityHashMap<>();

    ClassTable(HModule hir, Program program) {
        this.builtins = hir.builtinClasses();
        for (ClassInfo c : builtins.values()) add(c);
        for (ClassInfo c : hir.classes()) add(c);
        Map<ClassInfo.Method, FunctionInfo> bodies = new IdentityHashMap<>();
        for (FunctionInfo f : hir.functions()) if (f.method() != null) bodies.put(f.method(), f);
        for (var e : bodies.entrySet()) methodIds.put(e.getKey(), program.idOf(e.getValue()));
        vtables = new int[classes.size()][];
        for (int id = 0; id < classes.size(); id++) {
            ClassInfo c = classes.get(id);
            // Base classes first, so a subclass's own method overwrites the slot it overrides.
            var chain = new ArrayList<ClassInfo>();
            for (ClassInfo k = c; k != null; k = k.base()) chain.addFirst(k);
            // A subclass's ClassInfo may have been made before its base's methods were added (its
            // vtableSize copied then), so size the table by the slots actually used along the chain.
            int size = c.vtableSize();
            for (ClassInfo k : chain) {
                for (ClassInfo.Method m : k.ownMethods().values()) size = Math.max(size, m.vtableSlot() + 1);
            }
            int[] vt = new int[size];
            java.util.Arrays.fill(vt, -1);
            for (ClassInfo k : chain) {
                for (ClassInfo.Method m : k.ownMethods().values()) {
                    FunctionInfo body = bodies.get(m);
                    if (m.vtableSlot() >= 0 && body != null) vt[m.vtableSlot()] = program.idOf(body);
                }
            }
            vtables[id] = vt;
        }
    }

    private void add(ClassInfo c) {
        if (ids.containsKey(c)) return;
        if (c.base() != null) add(c.base());
        ids.put(c, classes.size());
        classes.add(c);
    }

    int idOf(ClassInfo c) { return ids.get(c); }

    /** The number of classes (user and built-in). */
    int size() { return classes.size(); }

    /** The function id of a method's body, or -1 for a method without one (the built-in Exception.__init__). */
    int methodId(ClassInfo.Method m) {
        Integer id = methodIds.get(m);
        return id == null ? -1 : id;
    }

    ClassInfo get(int id) { return classes.get(id); }

    /** The function a virtual call through {@code slot} reaches on an instance of class {@code id} (-1: none). */
    int vtableEntry(int id, int slot) { return vtables[id][slot]; }

    /** A built-in exception class by its Python name. */
    ClassInfo builtin(String name) { return builtins.get(name); }

    boolean isSubclass(int id, ClassInfo of) { return classes.get(id).isSubclassOf(of); }
}
