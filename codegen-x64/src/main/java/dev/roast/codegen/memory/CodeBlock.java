package dev.roast.codegen.memory;

import java.lang.foreign.MemorySegment;

/**
 * Machine code installed in a {@link CodeCache}: its entry point (16-byte aligned) and the number of bytes
 * installed there.
 */
public record CodeBlock(long address, int size) {
    public CodeBlock {
        if (address == 0) throw new IllegalArgumentException("code block at address 0");
        if (size <= 0) throw new IllegalArgumentException("code block of " + size + " bytes");
    }

    /** The entry point as a native segment: the target that {@link NativeCode#downcall} handles take first. */
    public MemorySegment entry() { return MemorySegment.ofAddress(address); }

    /** The address just past the installed bytes. */
    public long end() { return address + size; }
}
