package dev.roast.heap;

/** A value used as a dict key that cannot be one (a list or dict); the interpreter raises TypeError. */
public final class UnhashableKey extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnhashableKey(String typeName) {
        super("unhashable type: '" + typeName + "'");
    }
}
