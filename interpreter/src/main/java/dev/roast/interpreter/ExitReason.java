package dev.roast.interpreter;

/**
 * Why machine code handed an activation back to the interpreter (a status return, architecture
 * decision 5). The ordinal is what machine code stores in {@link NativeContext#DEOPT_REASON}.
 */
public enum ExitReason {
    /** The callee has no machine code: not an exit, the call continues in the interpreter. */
    NOT_COMPILED("not compiled"),
    /** An int result beyond the inline 48 bits, or an operand that is a boxed int. */
    INT_RANGE("int beyond 48 bits"),
    /** Integer division or modulo by zero, a negative divisor or a boxed operand. */
    DIVISION("division the fast path does not take"),
    /** The recursion limit or the end of the value stack at a call. */
    RECURSION_LIMIT("recursion limit"),
    /** A global read before it was assigned (NameError). */
    UNBOUND_GLOBAL("unbound global"),
    /** A field read on None or never assigned (AttributeError). */
    MISSING_FIELD("missing field"),
    /** A list index out of range, not an inline int, or on None. */
    LIST_INDEX("list index"),
    /** An exception was raised: the activation ends with it. */
    EXCEPTION("exception");

    private final String text;

    ExitReason(String text) {
        this.text = text;
    }

    /** For --trace-tiers. */
    public String text() { return text; }
}
