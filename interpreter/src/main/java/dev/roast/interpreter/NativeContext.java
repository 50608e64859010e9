package dev.roast.interpreter;

import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The block of native memory that machine code reads and writes through one register: the call depth
 * and its limits, the result and exit words a compiled function leaves behind when it returns its status,
 * the addresses of the runtime's upcalls, and every function's direct entry (a call from machine code goes
 * through its callee's entry word, so compiling the callee later patches every call site at once).
 * Offsets are bytes from {@link #address()}; each word is 8 bytes.
 * <p>A function's code has two kinds of entry. The interpreter enters it in the C ABI,
 * {@code status fn(fp, context, closure)}, through a wrapper that saves and loads the fixed registers.
 * Compiled functions call each other's direct entry, with the fixed registers already loaded (frame,
 * context, closure, int tag) and nothing saved; it returns the status in RAX and the result in RDX.
 */
public final class NativeContext {
    /** Activations on the value stack (the interpreter's count, kept here while machine code runs). */
    public static final int DEPTH = 0;
    /** The recursion limit (--max-depth). */
    public static final int MAX_DEPTH = 8;
    /** The end of the value stack: a frame may not end past it. */
    public static final int STACK_LIMIT = 16;
    /** A compiled function's result word, when it returns {@link #RETURNED}. */
    public static final int RESULT = 24;
    /** Where the interpreter carries on, when machine code returns {@link #EXITED}. */
    public static final int DEOPT_PC = 32;
    /** Why ({@link ExitReason} ordinal), when machine code returns {@link #EXITED}. */
    public static final int DEOPT_REASON = 40;
    /** Upcall {@code int slowOp(int function, long fp, long closure, int pc)}: next pc, or -1 when it raised. */
    public static final int SLOW_OP = 48;
    /** Upcall {@code int resume(int function, long fp, long closure, int pc)}: a status, the callee run in the interpreter from pc. */
    public static final int RESUME = 56;
    /** Upcall {@code int unwind(int function, long fp, long closure, int pc)}: the activation at pc is left by the pending exception (returns 0). */
    public static final int UNWIND = 64;
    /** The globals' address (the words LOAD_GLOBAL/STORE_GLOBAL address). */
    public static final int GLOBALS = 72;
    /** Function {@code id}'s direct entry word (what machine code calls) is at {@code ENTRIES + 8 * id}. */
    public static final int ENTRIES = 128;

    /** Statuses a compiled function returns in RAX. */
    public static final int RETURNED = 0, THREW = 1, EXITED = 2;

    private final MemorySegment block;
    /** The interpreter's (C ABI) entries: 0 where a function has no machine code (its native word then holds the not-compiled stub). */
    private final long[] entries;

    NativeContext(Arena arena, int functions, int maxDepth, long stackLimit, long globals) {
        block = arena.allocate(ENTRIES + 8L * functions, 16);
        entries = new long[functions];
        set(MAX_DEPTH, maxDepth);
        set(STACK_LIMIT, stackLimit);
        set(GLOBALS, globals);
    }

    /** The block's address: machine code's context register. */
    public long address() { return block.address(); }

    /** Function {@code id}'s machine code entry for the interpreter, or 0. */
    public long entry(int id) { return entries[id]; }

    /** Installs function {@code id}'s code: {@code entry} for the interpreter, {@code directEntry} for every call from machine code. */
    public void install(int id, long entry, long directEntry) {
        entries[id] = entry;
        block.set(JAVA_LONG_UNALIGNED, ENTRIES + 8L * id, directEntry);
    }

    /** Where direct calls of a function without machine code go (a stub that returns NOT_COMPILED). */
    public void setNotCompiledStub(long address) {
        for (int id = 0; id < entries.length; id++) if (entries[id] == 0) block.set(JAVA_LONG_UNALIGNED, ENTRIES + 8L * id, address);
    }

    long get(int offset) { return block.get(JAVA_LONG_UNALIGNED, offset); }

    void set(int offset, long value) { block.set(JAVA_LONG_UNALIGNED, offset, value); }
}
