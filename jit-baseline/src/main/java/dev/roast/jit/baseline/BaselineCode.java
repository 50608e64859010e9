package dev.roast.jit.baseline;

import java.util.Map;

/**
 * One function's baseline machine code, not yet installed: the bytes, where the interpreter's call entry is,
 * where other compiled functions call it (the direct entry, internal convention: see NativeContext), and
 * where each loop header can be entered by on-stack replacement (bytecode pc of the header → offset).
 * The interpreter's entries have the signature {@code status fn(fp, context, closure)} in the C ABI. The
 * {@link Mix} says what share of the work the code would still hand to the runtime.
 */
public record BaselineCode(byte[] bytes, int entryOffset, int directEntryOffset, Map<Integer, Integer> osrOffsets,
                           int instructions, Mix mix) {
    /**
     * The function's instructions by how their machine code runs — inline, direct calls, or always through the
     * runtime (an upcall) — each weighted by 8 to the power of its loop depth (at most 4), a static guess at
     * how often it runs.
     */
    public record Mix(long inline, long calls, long runtime) {}

    public BaselineCode {
        osrOffsets = Map.copyOf(osrOffsets);
    }
}
