package dev.roast.interpreter;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.roast.bytecode.BytecodeFunction;
import dev.roast.heap.HeapExhausted;
import dev.roast.values.PackedValue;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The border between the interpreter and machine code. Java enters a compiled function through one FFM
 * downcall, {@code status fn(fp, context, closure)}, and reads what its status says (architecture
 * decision 5): returned (the result word is in the context), threw (the exception is {@link #pending},
 * every compiled activation it left already in its traceback), or exited (the interpreter carries on with
 * the same frame at the pc the context names). Machine code calls back through three upcalls: one
 * instruction the runtime executes ({@code slowOp}), a callee run in the interpreter ({@code resume}), and
 * an activation left by an exception ({@code unwind}). An upcall never lets a Java exception out (that
 * would end the JVM): it parks it in {@link #pending} and returns a status.
 */
final class MachineCode {
    private static final Linker LINKER = Linker.nativeLinker();

    /** The downcall, made when machine code is first entered (the JVM generates its stub: ~10 ms a cold run would pay). */
    private static final class Downcall {
        /** (entry, fp, context, closure) → status. */
        static final MethodHandle ENTER = LINKER.downcallHandle(FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG));
    }

    /** What {@link #osr} returns when the activation ended in machine code ({@link #osrResult} holds its result). */
    static final int RETURNED_PC = -1;

    private final Interpreter in;
    private final Program program;
    private final Runtime runtime;
    private final NativeContext context;
    private TierPolicy policy = TierPolicy.INTERPRETER_ONLY;
    /** The exception (any Throwable) an upcall caught, on its way out through machine code to the downcall. */
    private Throwable pending;
    /** The last activation {@code unwind} saw, for the trace of an exception leaving machine code. */
    private int unwoundFunction = -1, unwoundPc;
    private long osrResult;
    private final Arena arena;
    private boolean linked;

    MachineCode(Interpreter in, Program program, Runtime runtime, NativeContext context, Arena arena) {
        this.in = in;
        this.program = program;
        this.runtime = runtime;
        this.context = context;
        this.arena = arena;
    }

    /**
     * Makes the upcall stubs, the first time machine code is entered: a few milliseconds of the JVM's
     * own code generation that a program which never gets hot should not pay.
     */
    private void link() {
        var lookup = MethodHandles.lookup();
        try {
            var intIntLongLongInt = MethodType.methodType(int.class, int.class, long.class, long.class, int.class);
            var status = FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT);
            context.set(NativeContext.SLOW_OP, upcall(lookup.findVirtual(MachineCode.class, "slowOp", intIntLongLongInt), status, arena));
            context.set(NativeContext.RESUME, upcall(lookup.findVirtual(MachineCode.class, "resume", intIntLongLongInt), status, arena));
            context.set(NativeContext.UNWIND, upcall(lookup.findVirtual(MachineCode.class, "unwind", intIntLongLongInt), status, arena));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        linked = true;
    }

    @SuppressWarnings("restricted")  // deliberate: machine code calls these; run with --enable-native-access
    private long upcall(MethodHandle target, FunctionDescriptor fd, Arena arena) {
        return LINKER.upcallStub(target.bindTo(this), fd, arena).address();
    }

    void setPolicy(TierPolicy policy) {
        this.policy = policy;
    }

    TierPolicy policy() { return policy; }

    /** Function {@code id}'s machine code entry, or 0. */
    long entry(int id) { return context.entry(id); }

    /** Runs a call of function {@code id} (frame set up, depth counted) in its machine code at {@code entry}. */
    long run(int id, BytecodeFunction f, long fp, long closure, long entry) {
        int status = enter(entry, fp, closure);
        if (status == NativeContext.RETURNED) return context.get(NativeContext.RESULT);
        if (status == NativeContext.THREW) throw left(id);
        return in.execute(id, f, fp, closure, exited(id));
    }

    /**
     * On-stack replacement: the loop at {@code headerPc} made function {@code id} hot while it ran here. Returns
     * the pc where the interpreter goes on (the header itself if the policy gave no machine code), or
     * {@link #RETURNED_PC} when the activation ended in machine code (then {@link #osrResult} is its result).
     * An exception thrown from here has every frame in it already, this activation's too.
     */
    int osr(int id, long fp, long closure, int headerPc) {
        long entry = policy.loopHot(id, headerPc);
        if (entry == 0) return headerPc;
        int status = enter(entry, fp, closure);
        if (status == NativeContext.RETURNED) {
            osrResult = context.get(NativeContext.RESULT);
            return RETURNED_PC;
        }
        if (status == NativeContext.THREW) throw left(id);
        return exited(id);
    }

    long osrResult() { return osrResult; }

    /**
     * The downcall. The upcalls inside it set the interpreter's depth and top for the Java code they run;
     * the Java code after it must find its own again.
     */
    private int enter(long entry, long fp, long closure) {
        if (!linked) link();
        int depth = in.depth;
        long top = in.top;
        context.set(NativeContext.DEPTH, depth);
        try {
            return (int) (long) Downcall.ENTER.invokeExact(MemorySegment.ofAddress(entry), fp, context.address(), closure);
        } catch (Throwable t) {
            throw new IllegalStateException("entering machine code failed", t);
        } finally {
            in.depth = depth;
            in.top = top;
        }
    }

    /** The activation exited at the context's pc for its reason: traced; returns that pc. */
    private int exited(int id) {
        int pc = (int) context.get(NativeContext.DEOPT_PC);
        policy.leftMachineCode(id, pc, ExitReason.values()[(int) context.get(NativeContext.DEOPT_REASON)], null);
        return pc;
    }

    /** The pending exception, as it leaves machine code into Java code of function {@code id}'s caller. */
    private RuntimeException left(int id) {
        Throwable t = pending;
        pending = null;
        if (t instanceof RoastException e) {
            policy.leftMachineCode(unwoundFunction >= 0 ? unwoundFunction : id, unwoundPc, ExitReason.EXCEPTION, e.typeName());
        }
        unwoundFunction = -1;
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }

    /** What machine code's upcalls park: a Roast exception as the interpreter would have made it, anything else as it is. */
    private Throwable caught(Throwable t) {
        if (t instanceof PyError e) return runtime.raise(e);
        if (t instanceof HeapExhausted) return new RoastException(PackedValue.NONE, "MemoryError", null);
        return t;
    }

    // ---- upcalls: machine code calls these (see NativeContext for their signatures) ----

    private int slowOp(int id, long fp, long closure, int pc) {
        int depth = (int) context.get(NativeContext.DEPTH);
        try {
            in.depth = depth;
            BytecodeFunction f = program.function(id);
            in.top = fp + ((long) f.frameSize() << 3);
            return runtime.slowOp(in, id, f, fp, closure, pc);
        } catch (Throwable t) {
            pending = caught(t);
            return -1;
        } finally {
            context.set(NativeContext.DEPTH, depth);
        }
    }

    private int resume(int id, long fp, long closure, int pc) {
        int depth = (int) context.get(NativeContext.DEPTH);
        try {
            in.depth = depth;
            BytecodeFunction f = program.function(id);
            in.top = fp + ((long) f.frameSize() << 3);
            var reason = ExitReason.values()[(int) context.get(NativeContext.DEOPT_REASON)];
            long result;
            if (reason == ExitReason.NOT_COMPILED) {
                result = in.enter(id, f, fp, closure);
            } else {
                policy.leftMachineCode(id, pc, reason, null);
                result = in.execute(id, f, fp, closure, pc);
            }
            context.set(NativeContext.RESULT, result);
            return NativeContext.RETURNED;
        } catch (Throwable t) {
            pending = caught(t);
            return NativeContext.THREW;
        } finally {
            context.set(NativeContext.DEPTH, depth);
        }
    }

    /** Has slowOp's shape, not needing fp and closure, because the JVM makes code for each upcall shape (~10 ms cold). Returns 0. */
    private int unwind(int id, long fp, long closure, int pc) {
        try {
            if (pending instanceof RoastException e) {
                BytecodeFunction f = program.function(id);
                e.addFrame(f.info().name(), f.positions()[pc]);
            }
            unwoundFunction = id;
            unwoundPc = pc;
        } catch (Throwable t) {
            pending = t;
        }
        return 0;
    }
}
