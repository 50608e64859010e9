package dev.roast.jit.baseline;

import java.util.Map;

/**
 * One function's baseline machine code, not yet installed: the bytes, where the call entry is, and
 * where each loop header can be entered by on-stack replacement (bytecode pc of the header → offset).
 * All entries have the signature {@code status fn(fp, context, closure)} (see NativeContext).
 */
public record BaselineCode(byte[] bytes, int entryOffset, Map<Integer, Integer> osrOffsets, int instructions) {
    public BaselineCode {
        osrOffsets = Map.copyOf(osrOffsets);
    }
}
