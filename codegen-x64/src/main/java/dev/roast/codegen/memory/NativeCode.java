package dev.roast.codegen.memory;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;

/** Calls from Java into installed machine code, through the native linker (the platform's C calling convention). */
public final class NativeCode {
    private NativeCode() {}

    private static final Linker LINKER = Linker.nativeLinker();

    /**
     * A handle that calls any code of signature {@code fd}: its first parameter is the target, a
     * {@link java.lang.foreign.MemorySegment} such as {@link CodeBlock#entry()}, then the arguments of {@code fd}.
     * Make one per signature and keep it: the linker generates a stub per handle.
     */
    @SuppressWarnings("restricted")  // deliberate: calling generated code; run with --enable-native-access
    public static MethodHandle downcall(FunctionDescriptor fd) {
        return LINKER.downcallHandle(fd);
    }

    /** A handle that calls one block of code of signature {@code fd}, with the arguments of {@code fd}. */
    @SuppressWarnings("restricted")  // deliberate: calling generated code; run with --enable-native-access
    public static MethodHandle downcall(CodeBlock block, FunctionDescriptor fd) {
        return LINKER.downcallHandle(block.entry(), fd);
    }
}
