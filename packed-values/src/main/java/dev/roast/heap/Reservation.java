package dev.roast.heap;

/**
 * A block of address space from the OS, zero on first touch and committed
 * only as it is touched (the same mmap(MAP_NORESERVE) as the heap). The
 * interpreter's value stack lives in one: unlike an Arena allocation it is
 * not zeroed up front, which touched every page (~20 ms for 16 MiB).
 */
public final class Reservation implements AutoCloseable {
    private final long address;
    private final long bytes;
    private boolean released;

    private Reservation(long address, long bytes) {
        this.address = address;
        this.bytes = bytes;
    }

    public static Reservation of(long bytes) {
        return new Reservation(NativeMemory.reserve(bytes), bytes);
    }

    public long address() { return address; }

    public long bytes() { return bytes; }

    @Override
    public void close() {
        if (!released) {
            released = true;
            NativeMemory.release(address, bytes);
        }
    }
}
