package dev.roast.heap;

/**
 * An allocation that does not fit under the heap's maximum even after a full collection; the interpreter
 * raises Python's MemoryError for it. The heap stays consistent and usable after it is thrown.
 */
public final class HeapExhausted extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long requestedBytes, maxBytes;

    public HeapExhausted(String message, long requestedBytes, long maxBytes) {
        super(message);
        this.requestedBytes = requestedBytes;
        this.maxBytes = maxBytes;
    }

    /** The size of the allocation that failed, in bytes. */
    public long requestedBytes() { return requestedBytes; }

    /** The heap's maximum size, in bytes. */
    public long maxBytes() { return maxBytes; }
}
