package dev.roast.codegen.memory;

import static dev.roast.codegen.memory.HandEncoded.*;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.*;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Machine code in the cache calling back into Java through an FFM upcall stub, including Java that installs code. */
class UpcallTest {
    private static final long PAGE = VirtualMemory.PAGE_SIZE;
    private static final FunctionDescriptor UNARY = FunctionDescriptor.of(JAVA_LONG, JAVA_LONG);
    private static final MethodHandle CALL_WITH_CALLBACK =
            NativeCode.downcall(FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, ADDRESS));
    private static final MethodHandle CALL_UNARY = NativeCode.downcall(UNARY);

    private final CodeCache cache = new CodeCache(16 * PAGE);
    private final Arena arena = Arena.ofConfined();
    private CodeBlock caller;
    /** What went wrong inside an upcall: an exception thrown there would end the JVM, so it is kept for later. */
    private Throwable failureInUpcall;
    private String callerPagePermsDuringUpcall;

    @AfterEach
    void close() {
        arena.close();
        cache.close();
    }

    @SuppressWarnings("restricted")  // deliberate: an upcall stub that generated code calls
    private MemorySegment upcall(String method) throws ReflectiveOperationException {
        MethodHandle target = MethodHandles.lookup()
                .findVirtual(UpcallTest.class, method, MethodType.methodType(long.class, long.class)).bindTo(this);
        return Linker.nativeLinker().upcallStub(target, UNARY, arena);
    }

    private long twice(long x) { return 2 * x; }

    @Test
    void installedCodeCallsBackIntoJava() throws Throwable {
        caller = cache.install(CALL_THEN_INCREMENT);
        MemorySegment twice = upcall("twice");
        assertEquals(41, (long) CALL_WITH_CALLBACK.invokeExact(caller.entry(), 20L, twice));
        assertEquals(-1, (long) CALL_WITH_CALLBACK.invokeExact(caller.entry(), -1L, twice));
    }

    /** Installs into the page the calling machine code lives on, then runs the new code, all inside the upcall. */
    private long installAndCall(long x) {
        try {
            CodeBlock plusSeven = cache.install(PLUS_SEVEN);
            if ((plusSeven.address() & -PAGE) != (caller.address() & -PAGE)) {
                throw new AssertionError("expected the new code on the caller's page");
            }
            callerPagePermsDuringUpcall =
                    ProcessMappings.within(caller.address(), caller.end()).permsAt(caller.address());
            return (long) CALL_UNARY.invokeExact(plusSeven.entry(), x);
        } catch (Throwable t) {
            failureInUpcall = t;
            return 0;
        }
    }

    @Test
    void javaCalledFromInstalledCodeMayInstallOntoTheCallersPage() throws Throwable {
        caller = cache.install(CALL_THEN_INCREMENT);
        long result = (long) CALL_WITH_CALLBACK.invokeExact(caller.entry(), 10L, upcall("installAndCall"));
        if (failureInUpcall != null) throw failureInUpcall;
        assertEquals("r-xp", callerPagePermsDuringUpcall, "executable again before install returned");
        assertEquals(18, result, "(10 + 7) + 1: the caller resumed on its rewritten page");
        assertEquals(2 * CodeCache.ALIGNMENT, cache.usedBytes());
    }
}
