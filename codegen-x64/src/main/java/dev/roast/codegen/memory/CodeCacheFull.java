package dev.roast.codegen.memory;

/**
 * An install for which the code cache has no free range big enough under its limit. The cache is unchanged
 * and stays usable: free dead code, or install less.
 */
public final class CodeCacheFull extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int requestedBytes;
    private final long usedBytes, limitBytes;

    public CodeCacheFull(int requestedBytes, long usedBytes, long limitBytes, long largestFreeBytes) {
        super("code cache full: " + requestedBytes + " bytes requested, " + usedBytes + " of " + limitBytes
                + " bytes in use, largest free range " + largestFreeBytes + " bytes");
        this.requestedBytes = requestedBytes;
        this.usedBytes = usedBytes;
        this.limitBytes = limitBytes;
    }

    /** The size of the code that did not fit, in bytes. */
    public int requestedBytes() { return requestedBytes; }

    /** The cache's {@link CodeCache#usedBytes()} when the install failed. */
    public long usedBytes() { return usedBytes; }

    /** The cache's limit, in bytes. */
    public long limitBytes() { return limitBytes; }
}
