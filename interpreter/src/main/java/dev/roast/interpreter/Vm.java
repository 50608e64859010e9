package dev.roast.interpreter;

import dev.roast.bytecode.BytecodeModule;
import dev.roast.frontend.hir.HModule;
import dev.roast.heap.Heap;
import dev.roast.heap.HeapExhausted;
import dev.roast.heap.Reservation;
import dev.roast.values.PackedValue;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.util.List;

/** Runs a compiled module in the interpreter: sets up heap, value stack and runtime, runs the top-level code, reports. */
public final class Vm {
    private Vm() {}

    /**
     * `--max-heap`, `--max-depth`, `--gc-stats`, the program's `sys.argv` (its file as given, then its
     * arguments), and what makes the tier policy ({@code null}: the interpreter alone).
     */
    public record Options(long maxHeapBytes, int maxDepth, boolean gcStats, List<String> argv, TierPolicy.Factory tiers) {
        public Options {
            argv = List.copyOf(argv);
        }

        public Options(long maxHeapBytes, int maxDepth, boolean gcStats, List<String> argv) {
            this(maxHeapBytes, maxDepth, gcStats, argv, null);
        }
    }

    /** Bytes of value stack: room for deep recursion of large frames (the depth limit comes first). */
    private static final long STACK_BYTES = 16L << 20;

    /**
     * Links the program as a run would (heap, constants, globals) without running it, and hands it to
     * {@code look} (`roast dis --machine` compiles its functions to show them); what {@code look} returns.
     */
    public static <T> T inspect(HModule hir, BytecodeModule code, java.util.function.Function<Program, T> look) {
        try (var heap = new Heap(64L << 20); var arena = Arena.ofConfined(); var stackMemory = Reservation.of(STACK_BYTES)) {
            var program = new Program(hir, code, arena);
            new Runtime(heap, program, new Output(OutputStream.nullOutputStream()), stackMemory.address(), List.of(hir.file().name()));
            return look.apply(program);
        }
    }

    /** Runs the program; returns its exit status (0, 1 for an uncaught exception, or what `sys.exit` asked for). */
    public static int run(HModule hir, BytecodeModule code, Options options, OutputStream stdout, PrintStream stderr) {
        // A lambda, not a constant no-op class: the AOT cache keeps this call site's method-handle form, which
        // the FFM linking in NativeMemory's initialization needs too (without it, every start spun two
        // LambdaForm classes, ~2 ms of hello's start-up).
        return run(hir, code, options, stdout, stderr, program -> { });
    }

    /** As {@link #run}, telling {@code observer} when the heap is made, when the program starts and when it has ended. */
    public static int run(HModule hir, BytecodeModule code, Options options, OutputStream stdout, PrintStream stderr,
                          RunObserver observer) {
        var out = new Output(stdout);
        try (var heap = new Heap(options.maxHeapBytes()); var arena = Arena.ofConfined();
             var stackMemory = Reservation.of(STACK_BYTES)) {
            observer.started(heap);
            var program = new Program(hir, code, arena);
            long stack = stackMemory.address();
            var runtime = new Runtime(heap, program, out, stack, options.argv());
            var interpreter = new Interpreter(program, runtime, stack, STACK_BYTES, options.maxDepth());
            runtime.attach(interpreter);
            TierPolicy policy = TierPolicy.INTERPRETER_ONLY;
            if (options.tiers() != null) {
                var context = new NativeContext(arena, program.functionCount(), options.maxDepth(), stack + STACK_BYTES,
                        program.globalsAddress());
                var machine = new MachineCode(interpreter, program, runtime, context, arena);
                policy = options.tiers().create(program, context);
                machine.setPolicy(policy);
                interpreter.attach(machine);
            }
            int status = 0;
            observer.running();
            try {
                interpreter.call(0, PackedValue.NONE, stack, new int[0], 0, 0);
            } catch (RoastException e) {
                out.flush();
                stderr.print(Traceback.format(e, hir.file()));
                status = 1;
            } catch (SystemExit e) {
                out.flush();  // what the program printed comes first, as in CPython
                if (e.getMessage() != null) stderr.println(e.getMessage());
                status = e.status();
            } catch (HeapExhausted e) {
                out.flush(); // exhausted outside any frame (while setting up)
                stderr.println("MemoryError");
                status = 1;
            } finally {
                out.flush(); // also before an internal error: what the program printed still reaches the user
                policy.close();
            }
            observer.ended(program);
            if (options.gcStats()) {
                var st = heap.stats();
                stderr.printf("gc: %d collections, pause total %.1f ms, max %.1f ms; peak heap in use %.1f MiB of %d MiB; %.1f MiB allocated%n",
                        st.collections(), st.totalPauseNanos() / 1e6, st.maxPauseNanos() / 1e6, st.peakInUseBytes() / 1048576.0,
                        st.maxBytes() >> 20, st.allocatedBytes() / 1048576.0);
            }
            return status;
        }
    }
}
