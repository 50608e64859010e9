package dev.roast.vm.stats;

import dev.roast.heap.GcStats;
import dev.roast.heap.Heap;
import dev.roast.interpreter.Program;
import dev.roast.interpreter.RunObserver;
import java.io.OutputStream;

/**
 * What `roast vm --stats` measures in one run, as it happens: compile times,
 * GC pauses, the first output and the end. Only raw readings are kept here;
 * {@link StatsJson} makes histograms of them once the run is over.
 */
public final class RunStats implements RunObserver {
    private final Samples bytecodeCompiles = new Samples();
    private final Samples baselineCompiles = new Samples();
    /** Each baseline compile's time scaled to 100 bytecode instructions (the [baseline-jit] issue's measure). */
    private final Samples baselinePer100 = new Samples();
    private final Samples gcPauses = new Samples();
    private long compileNanos;
    private FirstOutputStream stdout;
    private Heap heap;
    private long runStartNanos;
    private long endNanos;
    private GcStats gc;

    /** The program's stdout, to be handed to the VM: notes when its first byte goes out. */
    public OutputStream stdout(OutputStream out) {
        stdout = new FirstOutputStream(out);
        return stdout;
    }

    /** One function compiled to bytecode in {@code nanos}. */
    public void bytecodeCompiled(long nanos) {
        bytecodeCompiles.add(nanos);
    }

    /** One function compiled to baseline machine code in {@code nanos}; it had {@code instructions} bytecode instructions. */
    public void baselineCompiled(long nanos, int instructions) {
        baselineCompiles.add(nanos);
        baselinePer100.add(nanos * 100 / Math.max(1, instructions));
    }

    /** {@code nanos} more spent in roast's compilers (the whole of frontend, MIR and bytecode). */
    public void compiled(long nanos) {
        compileNanos += nanos;
    }

    @Override
    public void started(Heap heap) {
        this.heap = heap;
        heap.setPauseListener(gcPauses::add);
    }

    @Override
    public void running() {
        runStartNanos = System.nanoTime();
    }

    @Override
    public void ended(Program program) {
        endNanos = System.nanoTime();
        gc = heap.stats();
    }

    /** Whether the program ran to an end (any end): only then is there anything to write. */
    public boolean ran() {
        return gc != null;
    }

    Samples bytecodeCompiles() {
        return bytecodeCompiles;
    }

    Samples baselineCompiles() {
        return baselineCompiles;
    }

    Samples baselinePer100() {
        return baselinePer100;
    }

    Samples gcPauses() {
        return gcPauses;
    }

    long compileNanos() {
        return compileNanos;
    }

    /** {@link System#nanoTime} of the first byte of output; -1 if the program printed nothing. */
    long firstOutputNanos() {
        return stdout != null && stdout.wrote() ? stdout.firstNanos() : -1;
    }

    /** The top-level code's run, runtime calls and collections included. */
    long runNanos() {
        return endNanos - runStartNanos;
    }

    long endNanos() {
        return endNanos;
    }

    GcStats gc() {
        return gc;
    }
}
