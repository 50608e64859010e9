package dev.roast.interpreter.values;

import dev.roast.heap.Heap;

/**
 * What the value helpers need from the running interpreter: the heap, the
 * object model's answers for class instances and function values, and calls
 * of function values (sort keys). Implemented by ValueOps.
 */
public interface Context {
    Heap heap();

    /** The class name of an INSTANCE/EXCEPTION object at this address. */
    String className(long address);

    /** `str()` (or `repr()`) of an INSTANCE/EXCEPTION word: `__str__`/`__repr__`, or `<C object>`. */
    String instanceText(long word, boolean repr);

    /** `a == b` for two words of which at least one is an instance: `__eq__` or identity. */
    boolean instanceEquals(long a, long b);

    /** `repr()` of a FUNCTION or BOUND_METHOD word (builtin refs included). */
    String functionText(long word);

    /** Calls a function value (FUNCTION, BOUND_METHOD or builtin ref) with these arguments. */
    long call(long function, long... args);
}
