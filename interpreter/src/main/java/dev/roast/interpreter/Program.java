package dev.roast.interpreter;

import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import dev.roast.bytecode.BytecodeFunction;
import dev.roast.bytecode.BytecodeModule;
import dev.roast.frontend.hir.FunctionInfo;
import dev.roast.frontend.hir.HModule;
import dev.roast.frontend.types.ClassInfo;
import dev.roast.heap.Heap;
import dev.roast.values.PackedValue;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A module linked for running: every function has an id (0 is the
 * module's top-level code), each function's constant pool as packed words
 * (LOAD_CONST reads them; the strings among them are heap objects and GC
 * roots), a profile, and the globals in one off-heap array that machine code
 * can address directly.
 */
public final class Program {
    private final HModule hir;
    private final BytecodeFunction[] functions;
    private final FunctionProfile[] profiles;
    private final long[][] constants;
    /** For each function, the words a new frame starts with past its arguments: UNBOUND, or a constant slot's constant. */
    private final long[][] frameTemplates;
    private final Map<FunctionInfo, Integer> ids = new IdentityHashMap<>();
    /** For each function, CONST index → callee id (or -1), so CALL_DIRECT needs no map lookup. */
    private final int[][] calleeIds;
    /** For each function, CONST index → class id of a class ALLOC makes inline (not an exception), or -1. */
    private final int[][] allocClassIds;
    /** Class id → its instances' field count (set by {@link #linkClasses}). */
    private int[] fieldCounts = new int[0];
    private final long globals;
    private final int globalCount;
    /** The run's heap's allocator state block (see {@link dev.roast.heap.Heap}), 0 until {@link #linkHeap}. */
    private long heapState;

    Program(HModule hir, BytecodeModule bytecode, Arena arena) {
        this.hir = hir;
        int n = 1 + bytecode.functions().size();
        functions = new BytecodeFunction[n];
        functions[0] = bytecode.main();
        for (int i = 1; i < n; i++) functions[i] = bytecode.functions().get(i - 1);
        profiles = new FunctionProfile[n];
        constants = new long[n][];
        frameTemplates = new long[n][];
        calleeIds = new int[n][];
        allocClassIds = new int[n][];
        for (int i = 0; i < n; i++) {
            ids.put(functions[i].info(), i);
            profiles[i] = new FunctionProfile(functions[i].loopCount(), functions[i].code().length);
        }
        for (int i = 0; i < n; i++) {
            Object[] pool = functions[i].constants();
            calleeIds[i] = new int[pool.length];
            for (int k = 0; k < pool.length; k++) {
                calleeIds[i][k] = pool[k] instanceof FunctionInfo fi && ids.containsKey(fi) ? ids.get(fi) : -1;
            }
        }
        globalCount = hir.globals().size();
        MemorySegment g = arena.allocate(Math.max(8, 8L * globalCount), 8);
        globals = g.address();
        for (int i = 0; i < globalCount; i++) setGlobal(i, PackedValue.UNBOUND);
    }

    /** Resolves the class constants ALLOC uses to class ids, once the class table exists. */
    void linkClasses(ClassTable classes) {
        fieldCounts = new int[classes.size()];
        for (int c = 0; c < fieldCounts.length; c++) fieldCounts[c] = classes.get(c).fieldCount();
        for (int i = 0; i < functions.length; i++) {
            Object[] pool = functions[i].constants();
            allocClassIds[i] = new int[pool.length];
            for (int k = 0; k < pool.length; k++) {
                allocClassIds[i][k] = pool[k] instanceof ClassInfo c && !c.isException() ? classes.idOf(c) : -1;
            }
        }
    }

    /** The class id an ALLOC with class constant {@code k} in function {@code fn} makes inline, or -1. */
    public int allocClassId(int fn, int k) { return allocClassIds[fn][k]; }

    /** The field count of class {@code classId}'s instances. */
    public int fieldCount(int classId) { return fieldCounts[classId]; }

    /** Records the heap this program runs with, whose allocator machine code uses inline. */
    void linkHeap(Heap heap) { heapState = heap.stateAddress(); }

    /** The address of the run's heap's allocator state block (machine code allocates inline with it). */
    public long heapStateAddress() {
        if (heapState == 0) throw new IllegalStateException("program not linked to a heap");
        return heapState;
    }

    public HModule hir() { return hir; }

    public int functionCount() { return functions.length; }

    public BytecodeFunction function(int id) { return functions[id]; }

    public FunctionProfile profile(int id) { return profiles[id]; }

    public int idOf(FunctionInfo f) { return ids.get(f); }

    /** The callee id of a CALL_DIRECT in function {@code caller} whose function constant is {@code k}. */
    public int calleeId(int caller, int k) {
        return calleeIds[caller][k];
    }

    /** Function {@code id}'s constant pool as packed words (strings are heap objects that never move). */
    public long[] constants(int id) { return constants[id]; }

    void setConstants(int id, long[] packed) { constants[id] = packed; }

    /** The words a new frame of function {@code id} starts with (see the field). */
    public long[] frameTemplate(int id) { return frameTemplates[id]; }

    void setFrameTemplate(int id, long[] words) { frameTemplates[id] = words; }

    long global(int index) {
        return Interpreter.M.get(JAVA_LONG_UNALIGNED, globals + 8L * index);
    }

    void setGlobal(int index, long v) {
        Interpreter.M.set(JAVA_LONG_UNALIGNED, globals + 8L * index, v);
    }

    /** The globals' address and count: a GC root range. */
    public long globalsAddress() { return globals; }

    int globalCount() { return globalCount; }
}
