package dev.roast.heap;

import static dev.roast.heap.Mem.getLong;
import static dev.roast.heap.Mem.putLong;

import dev.roast.values.PackedValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The VM's heap: one contiguous off-heap region with a size-segregated allocator and a precise,
 * non-moving mark–sweep collector. Single-threaded. See packed-values/README.md, "The heap".
 *
 * <h2>Memory</h2>
 * The whole heap ({@code maxBytes}) is reserved at once with {@code mmap(MAP_NORESERVE)}; pages are
 * committed only when first touched, so a 2 GiB maximum costs nothing up front. The region is
 * {@code [base, base + maxBytes)}: the allocator state block ({@link #STATE_BYTES}) first, then objects
 * from {@link #heapStart()}. Everything below the <em>frontier</em> is a sequence of blocks (objects and
 * free blocks, each starting with its {@link Header}), so the sweeper walks it linearly; everything from
 * the frontier to the end is untouched or given back to the OS and reads as zero.
 *
 * <h2>Allocation</h2>
 * Sizes are rounded up to 8 bytes (minimum 16). A small block (at most {@link #SMALL_MAX} bytes) comes
 * from the free list of exactly its size, else from the bump region; a large one by first fit from the
 * large free list, else carved at the frontier. The hot state lives off-heap in the state block at
 * {@link #stateAddress()}, so machine code allocates inline with the same fields:
 *
 * <pre>
 *  state + STATE_TOP (0)         bump pointer: next free byte of the current bump region
 *  state + STATE_END (8)         end of the bump region (top == end == 0 when there is none)
 *  state + STATE_ALLOCATED (16)  bytes allocated since the last collection (the GC trigger's counter)
 *  state + STATE_FREE_HEADS + s  (64 + s, s = 16, 24, … SMALL_MAX) head of the free list of s-byte
 *                                blocks, 0 when empty; a free block's +8 word is the next block
 *
 *  ; inline allocation of an s-byte object (s a multiple of 8, 16 ≤ s ≤ SMALL_MAX, known statically)
 *      mov  rax, [rState + 64 + s]     ; free list first (reuses memory)
 *      test rax, rax
 *      jz   bump
 *      mov  rcx, [rax + 8]
 *      mov  [rState + 64 + s], rcx
 *      jmp  init
 *  bump:
 *      mov  rax, [rState + 0]
 *      lea  rcx, [rax + s]
 *      cmp  rcx, [rState + 8]
 *      ja   slow                       ; call the runtime: Heap.allocate (may collect)
 *      mov  [rState + 0], rcx
 *  init:
 *      add  qword [rState + 16], s
 *      mov  qword [rax], (s &lt;&lt; 32) | kind    ; then write EVERY other word: the block is not zeroed
 * </pre>
 *
 * {@link #allocate} (the Java path) hands out zeroed memory with the header written.
 *
 * <h2>Collection</h2>
 * Runs when an allocation's slow path finds the allocated-since-last-GC counter at or above the threshold
 * (twice the live bytes of the last collection, at least {@code minGcThreshold}), or finds no memory.
 * Marking starts from the {@link HandleScope}, the heap's own constants and every registered {@link Roots},
 * sets the header's mark bit and uses an explicit mark stack (no recursion: a million-deep chain is fine).
 * Sweeping walks the blocks in address order, clears marks, coalesces each run of dead objects and free
 * blocks into one free block and rebuilds the free lists in address order; a free run at the very end
 * lowers the frontier and its pages go back to the OS ({@code madvise(MADV_DONTNEED)}). If the request
 * still does not fit after a collection, {@link HeapExhausted} is thrown; the heap never grows past
 * {@code maxBytes}.
 */
public final class Heap implements AutoCloseable {
    /** The default maximum heap size: 2 GiB. */
    public static final long DEFAULT_MAX_BYTES = 2L << 30;
    /** The default minimum allocation between collections (the threshold never drops below it). */
    public static final long DEFAULT_MIN_GC_THRESHOLD = 8L << 20;
    /** The largest block served by the exact-size free lists; larger ones are "large". */
    public static final int SMALL_MAX = 4096;
    /** The smallest block: a header and one word (a free block needs its link word). */
    public static final int MIN_BLOCK = 16;

    /** Offsets in the allocator state block (see the class comment). */
    public static final int STATE_TOP = 0, STATE_END = 8, STATE_ALLOCATED = 16, STATE_FREE_HEADS = 64;
    /** The state block's size; objects start right after it. */
    public static final long STATE_BYTES = 8192;

    /** Bump regions are carved this big (or smaller when less is left). */
    static final long CHUNK = 64 * 1024;
    /** The smallest limit a heap accepts (the launcher's --max-heap checks it). */
    public static final long SMALLEST_MAX_BYTES = 1L << 20;

    /** Kinds whose objects contain pointers, as a bit set by kind number: only these are scanned. */
    private static final long SCANNED_KINDS = 1L << ObjectKind.LIST | 1L << ObjectKind.ITEMS | 1L << ObjectKind.DICT
            | 1L << ObjectKind.DICT_TABLE | 1L << ObjectKind.INSTANCE | 1L << ObjectKind.EXCEPTION
            | 1L << ObjectKind.CELL | 1L << ObjectKind.FUNCTION | 1L << ObjectKind.BOUND_METHOD
            | 1L << ObjectKind.ITERATOR;

    private final long base, limit, heapStart, state, maxBytes, minGcThreshold;
    private long frontier;
    /** Head of the large free list (blocks over SMALL_MAX), linked through their +8 words. */
    private long largeFree;
    /** Whether the current bump region is fresh memory from the frontier, hence already zero. */
    private boolean bumpFresh;
    private long gcThreshold;
    private boolean closed, collecting;

    private final HandleScope handles = new HandleScope();
    private final List<Roots> roots = new ArrayList<>();
    /** Objects the heap itself keeps alive, as POINTER words: the 256 one-character Latin-1 strings, then "". */
    private final long[] constants = new long[257];

    private final Marker marker = new Marker();
    private LongConsumer pauseListener;

    // Statistics.
    private long collections, totalPause, maxPause, lastPause, totalMark, totalSweep, liveBytes, peakInUse,
            peakFootprint, allocatedBeforeLastGc;

    /** A heap of {@link #DEFAULT_MAX_BYTES}. */
    public Heap() { this(DEFAULT_MAX_BYTES); }

    /** A heap that never holds more than {@code maxBytes} (rounded up to a whole page, at least 1 MiB). */
    public Heap(long maxBytes) { this(maxBytes, DEFAULT_MIN_GC_THRESHOLD); }

    /**
     * A heap with an explicit minimum allocation between collections (tests use a small one to collect
     * often; the interpreter keeps the default).
     */
    public Heap(long maxBytes, long minGcThreshold) {
        if (maxBytes < SMALLEST_MAX_BYTES) throw new IllegalArgumentException("max heap below 1 MiB: " + maxBytes);
        maxBytes = (maxBytes + NativeMemory.PAGE - 1) & -NativeMemory.PAGE;
        this.maxBytes = maxBytes;
        this.minGcThreshold = Math.max(minGcThreshold, CHUNK);
        this.base = NativeMemory.reserve(maxBytes);
        if (base <= 0 || base + maxBytes - 1 > PackedValue.PAYLOAD_MASK) {
            NativeMemory.release(base, maxBytes);
            throw new IllegalStateException("heap at 0x" + Long.toHexString(base) + " does not fit 48-bit pointers");
        }
        this.limit = base + maxBytes;
        this.state = base;
        this.heapStart = base + STATE_BYTES;
        this.frontier = heapStart;
        this.gcThreshold = this.minGcThreshold;
        this.peakFootprint = 0;
        constants[256] = PackedValue.ofPointer(Str.allocEmpty(this));
        for (int c = 0; c < 256; c++) constants[c] = PackedValue.ofPointer(Str.allocLatin1Char(this, c));
    }

    // ---- Layout facts for the interpreter and machine code. ----

    /** The allocator state block's address (see the class comment for its fields). */
    public long stateAddress() { return state; }

    /** The first object address. */
    public long heapStart() { return heapStart; }

    /** The end of the reserved region (exclusive). */
    public long heapLimit() { return limit; }

    /** The maximum size, as rounded by the constructor. */
    public long maxBytes() { return maxBytes; }

    /** Whether {@code address} lies inside the heap's object area (not whether an object starts there). */
    public boolean contains(long address) { return address >= heapStart && address < frontier; }

    /** The root handle scope for Java runtime code. */
    public HandleScope handles() { return handles; }

    /** Registers a root source, reported at every collection until removed. */
    public void addRoots(Roots r) { roots.add(r); }

    public void removeRoots(Roots r) { roots.remove(r); }

    /** Called with each collection's pause in nanoseconds (for a histogram). */
    public void setPauseListener(LongConsumer listener) { this.pauseListener = listener; }

    /** The empty string (one shared object). */
    public long emptyStr() { return constants[256] & PackedValue.PAYLOAD_MASK; }

    /** The one-code-point string for {@code c < 256} (shared objects: no allocation). */
    public long latin1Char(int c) { return constants[c] & PackedValue.PAYLOAD_MASK; }

    // ---- Allocation. ----

    /**
     * Allocates a block for an object of {@code kind} of at least {@code size} bytes (rounded up to 8,
     * minimum 16), with its header written and every other byte zero. May collect: every object the
     * caller still needs must be reachable from the roots (the handle scope, a registered {@link Roots}).
     *
     * @throws HeapExhausted if the block does not fit even after a collection
     */
    public long allocate(int kind, long size) {
        if (size < 0) throw new IllegalArgumentException("negative size " + size);
        long s;
        long a;
        if (size <= SMALL_MAX) {
            s = smallBlockSize(size);
            long head = state + STATE_FREE_HEADS + s;
            a = getLong(head);
            if (a != 0) {
                putLong(head, getLong(a + 8));
                Mem.zero(a + 8, s - 8);
            } else {
                long top = getLong(state + STATE_TOP), next = top + s;
                if (next <= getLong(state + STATE_END)) {  // never true without a region: top == end == 0
                    putLong(state + STATE_TOP, next);
                    a = top;
                    if (!bumpFresh) Mem.zero(a + 8, s - 8);
                } else {
                    a = allocateSmallSlow(s);
                }
            }
        } else {
            s = (size + 7) & ~7L;  // may wrap for absurd sizes: allocateLarge rejects those by `size` first
            a = allocateLarge(s, size);
        }
        putLong(a, Header.make(kind, s));
        putLong(state + STATE_ALLOCATED, getLong(state + STATE_ALLOCATED) + s);
        return a;
    }

    /**
     * The block a small request of {@code size} bytes ({@code 0 ≤ size ≤ SMALL_MAX}) gets: rounded up to 8,
     * at least {@link #MIN_BLOCK}. Machine code that allocates inline uses it to pick the same free list.
     */
    public static int smallBlockSize(long size) {
        if (size < 0 || size > SMALL_MAX) throw new IllegalArgumentException("not a small size: " + size);
        return size <= MIN_BLOCK ? MIN_BLOCK : (int) ((size + 7) & ~7L);
    }

    private long allocateSmallSlow(long s) {
        checkOpen();
        boolean collected = false;
        if (getLong(state + STATE_ALLOCATED) >= gcThreshold) {
            collect();
            collected = true;
        }
        while (true) {
            long a = popFree(s);
            if (a != 0) return a;
            if (refill(s)) {
                a = getLong(state + STATE_TOP);
                putLong(state + STATE_TOP, a + s);
                if (!bumpFresh) Mem.zero(a + 8, s - 8);
                return a;
            }
            a = splitLargerSmall(s);
            if (a != 0) return a;
            if (collected) throw exhausted(s);
            collect();
            collected = true;
        }
    }

    private long allocateLarge(long s, long requested) {
        checkOpen();
        if (requested > Header.MAX_SIZE || s > limit - heapStart) throw exhausted(requested);
        boolean collected = false;
        if (getLong(state + STATE_ALLOCATED) >= gcThreshold) {
            collect();
            collected = true;
        }
        while (true) {
            long a = firstFitLarge(s);
            if (a != 0) {
                Mem.zero(a + 8, s - 8);
                return a;
            }
            if (limit - frontier >= s) {  // fresh memory above the frontier is already zero
                a = frontier;
                advanceFrontier(s);
                return a;
            }
            if (collected) throw exhausted(s);
            collect();
            collected = true;
        }
    }

    private HeapExhausted exhausted(long s) {
        return new HeapExhausted("heap exhausted: cannot allocate " + s + " bytes (max heap " + maxBytes
                + " bytes, " + liveBytes + " live after collection)", s, maxBytes);
    }

    private void checkOpen() {
        if (closed) throw new IllegalStateException("heap is closed");
        if (collecting) throw new IllegalStateException("allocation during a collection (a Roots must not allocate)");
    }

    private long popFree(long s) {
        long head = state + STATE_FREE_HEADS + s;
        long a = getLong(head);
        if (a == 0) return 0;
        putLong(head, getLong(a + 8));
        Mem.zero(a + 8, s - 8);
        return a;
    }

    /** Last resort before collecting: the smallest larger small block, split. */
    private long splitLargerSmall(long s) {
        for (long t = s + 8; t <= SMALL_MAX; t += 8) {
            long a = getLong(state + STATE_FREE_HEADS + t);
            if (a == 0) continue;
            putLong(state + STATE_FREE_HEADS + t, getLong(a + 8));
            freeBlock(a + s, t - s);
            Mem.zero(a + 8, s - 8);
            return a;
        }
        return 0;
    }

    /** A new bump region able to hold {@code s} bytes: carved from a large free block, else at the frontier. */
    private boolean refill(long s) {
        retireBump();
        long b = largeFree;
        if (b != 0) {  // any large block will do: it exceeds SMALL_MAX >= s
            long bs = Header.size(b);
            long region;
            if (bs - CHUNK > SMALL_MAX) {  // take the block's tail: the block keeps its place in the list
                putLong(b, Header.make(ObjectKind.FREE, bs - CHUNK));
                region = b + bs - CHUNK;
                bs = CHUNK;
            } else {
                unlinkLarge(0, b);
                region = b;
            }
            setBump(region, region + bs, false);
            return true;
        }
        long avail = limit - frontier;
        if (avail < s) return false;
        long take = Math.min(CHUNK, avail);
        long region = frontier;
        advanceFrontier(take);
        setBump(region, region + take, true);
        return true;
    }

    private void setBump(long top, long end, boolean fresh) {
        putLong(state + STATE_TOP, top);
        putLong(state + STATE_END, end);
        bumpFresh = fresh;
    }

    /** Turns what is left of the bump region into a free block, so the heap stays walkable. */
    private void retireBump() {
        long top = getLong(state + STATE_TOP), end = getLong(state + STATE_END);
        if (end > top && top != 0) freeBlock(top, end - top);
        setBump(0, 0, false);
    }

    private long firstFitLarge(long s) {
        long prev = 0;
        for (long b = largeFree; b != 0; prev = b, b = getLong(b + 8)) {
            long bs = Header.size(b);
            if (bs < s) continue;
            long rest = bs - s;
            if (rest > SMALL_MAX) {  // hand out the tail; the head stays a large free block in place
                putLong(b, Header.make(ObjectKind.FREE, rest));
                return b + rest;
            }
            unlinkLarge(prev, b);
            if (rest > 0) freeBlock(b + s, rest);
            return b;
        }
        return 0;
    }

    private void unlinkLarge(long prev, long b) {
        long next = getLong(b + 8);
        if (prev == 0) largeFree = next;
        else putLong(prev + 8, next);
    }

    /** Makes {@code [a, a + size)} a free block and pushes it on its list (an 8-byte block is a filler). */
    private void freeBlock(long a, long size) {
        putLong(a, Header.make(ObjectKind.FREE, size));
        if (size < MIN_BLOCK) return;
        if (size <= SMALL_MAX) {
            long head = state + STATE_FREE_HEADS + size;
            putLong(a + 8, getLong(head));
            putLong(head, a);
        } else {
            putLong(a + 8, largeFree);
            largeFree = a;
        }
    }

    private void advanceFrontier(long bytes) {
        frontier += bytes;
        peakFootprint = Math.max(peakFootprint, frontier - heapStart);
    }

    // ---- Collection. ----

    /** Runs a full collection now. */
    public void collect() {
        if (closed) throw new IllegalStateException("heap is closed");
        if (collecting) throw new IllegalStateException("collection during a collection");
        collecting = true;
        long t0 = System.nanoTime();
        try {
            retireBump();
            marker.markRoots();
            long t1 = System.nanoTime();
            totalMark += t1 - t0;
            sweep();
            totalSweep += System.nanoTime() - t1;
        } finally {
            collecting = false;
        }
        long pause = System.nanoTime() - t0;
        collections++;
        totalPause += pause;
        maxPause = Math.max(maxPause, pause);
        lastPause = pause;
        allocatedBeforeLastGc += getLong(state + STATE_ALLOCATED);
        putLong(state + STATE_ALLOCATED, 0);
        gcThreshold = Math.max(minGcThreshold, 2 * liveBytes);
        if (pauseListener != null) pauseListener.accept(pause);
    }

    /** The explicit-stack marker; also the visitor handed to the root sources. */
    private final class Marker implements RootVisitor {
        private long[] stack = new long[4096];
        private int sp;

        void markRoots() {
            handles.visit(this);
            visitArray(constants, 0, constants.length);
            for (Roots r : roots) {
                r.forEachRoot(this);
                drain();  // keep the stack short between root sources
            }
            drain();
        }

        @Override
        public void visit(long word) { markWord(word); }

        @Override
        public void visitArray(long[] words, int from, int to) {
            for (int i = from; i < to; i++) markWord(words[i]);
        }

        @Override
        public void visitRange(long address, long count) {
            markWords(address, address + 8 * count);
        }

        private void markAddress(long a) {
            // Ignore anything that is not an object start below the frontier: 0 (no block), a pointer
            // outside the heap, a free block (never produced by correct code; marking it would resurrect it).
            if (a < heapStart || a >= frontier || (a & 7) != 0) return;
            long h = getLong(a);
            if ((h & Header.MARK_BIT) != 0) return;
            int kind = (int) (h & Header.KIND_MASK);
            if (kind == ObjectKind.FREE) return;
            putLong(a, h | Header.MARK_BIT);
            if ((SCANNED_KINDS >>> kind & 1) != 0) {
                if (sp == stack.length) stack = Arrays.copyOf(stack, sp * 2);
                stack[sp++] = a;
            }
        }

        /** Marks a block owned by the object being scanned; true if it was unmarked (so must be scanned now). */
        private boolean markLeaf(long a) {
            if (a < heapStart || a >= frontier || (a & 7) != 0) return false;
            long h = getLong(a);
            if ((h & Header.MARK_BIT) != 0 || (h & Header.KIND_MASK) == ObjectKind.FREE) return false;
            putLong(a, h | Header.MARK_BIT);
            return true;
        }

        private void scanItems(long items) { markWords(items + 8, items + Header.size(items)); }

        private void scanDictTable(long table) {
            long entries = DictObj.entriesOf(table);
            long end = entries + DictObj.capacityOf(table) * DictObj.ENTRY_BYTES;
            for (long e = entries; e < end; e += DictObj.ENTRY_BYTES) {
                markWord(getLong(e + DictObj.E_KEY));
                markWord(getLong(e + DictObj.E_VALUE));
            }
        }

        private void markWord(long w) {
            if (w >>> PackedValue.TAG_SHIFT == PackedValue.POINTER_TAG) markAddress(w & PackedValue.PAYLOAD_MASK);
        }

        private void markWords(long from, long to) {
            for (long p = from; p < to; p += 8) markWord(getLong(p));
        }

        private void drain() {
            while (sp > 0) {
                long a = stack[--sp];
                long h = getLong(a);
                switch ((int) (h & Header.KIND_MASK)) {
                    // A list's ITEMS and a dict's DICT_TABLE are scanned right away rather than pushed:
                    // they belong to the object just popped, so this saves a push and a pop.
                    case ObjectKind.LIST -> {
                        long items = getLong(a + ListObj.ITEMS);
                        if (markLeaf(items)) scanItems(items);
                    }
                    case ObjectKind.ITEMS -> scanItems(a);
                    case ObjectKind.DICT -> {
                        long table = getLong(a + DictObj.TABLE);
                        if (markLeaf(table)) scanDictTable(table);
                    }
                    case ObjectKind.DICT_TABLE -> scanDictTable(a);
                    case ObjectKind.INSTANCE, ObjectKind.EXCEPTION ->
                            markWords(a + Instance.FIELDS, a + Header.sizeOf(h));
                    case ObjectKind.CELL -> markWord(getLong(a + Cell.VALUE));
                    case ObjectKind.FUNCTION ->
                            markWords(a + FunctionObj.CELLS, a + FunctionObj.CELLS + 8 * getLong(a + FunctionObj.CELL_COUNT));
                    case ObjectKind.BOUND_METHOD -> markWord(getLong(a + BoundMethod.RECEIVER));
                    case ObjectKind.ITERATOR -> markWord(getLong(a + IteratorObj.ITERABLE));
                    default -> throw new IllegalStateException("scanning an object of kind " + ObjectKind.name((int) (h & Header.KIND_MASK)));
                }
            }
        }
    }

    /** Clears marks, turns dead runs into free blocks, rebuilds the free lists, lowers the frontier if it can. */
    private void sweep() {
        // Free lists are rebuilt from scratch in address order (tails kept here) for locality.
        long heads = state + STATE_FREE_HEADS;
        for (long s = MIN_BLOCK; s <= SMALL_MAX; s += 8) putLong(heads + s, 0);
        long[] tails = new long[SMALL_MAX / 8 + 1];
        largeFree = 0;
        long largeTail = 0;

        long live = 0, inUse = 0;
        long run = 0;  // start of the current free run, 0 when none
        for (long a = heapStart; a < frontier; ) {
            long h = getLong(a);
            long size = h >>> Header.SIZE_SHIFT;
            if ((h & Header.MARK_BIT) != 0) {
                putLong(a, h & ~Header.MARK_BIT);
                live += size;
                inUse += size;
                if (run != 0) {
                    largeTail = emitRun(run, a, tails, largeTail);
                    run = 0;
                }
            } else {
                if ((h & Header.KIND_MASK) != ObjectKind.FREE) inUse += size;
                if (run == 0) run = a;
            }
            if (size == 0) throw new IllegalStateException("heap corrupt: zero-size block at 0x" + Long.toHexString(a));
            a += size;
        }
        if (run != 0) lowerFrontier(run);
        liveBytes = live;
        peakInUse = Math.max(peakInUse, inUse);
    }

    /** Makes {@code [start, end)} free blocks (split at the header's size limit) appended to their lists. */
    private long emitRun(long start, long end, long[] tails, long largeTail) {
        while (start < end) {
            long size = Math.min(end - start, Header.MAX_SIZE);
            if (end - start - size > 0 && end - start - size < MIN_BLOCK) size -= MIN_BLOCK;  // no tiny remainder
            putLong(start, Header.make(ObjectKind.FREE, size));
            if (size >= MIN_BLOCK) putLong(start + 8, 0);  // (an 8-byte filler has no link word)
            if (size <= SMALL_MAX) {
                if (size >= MIN_BLOCK) {
                    int cls = (int) (size >>> 3);
                    if (tails[cls] == 0) putLong(state + STATE_FREE_HEADS + size, start);
                    else putLong(tails[cls] + 8, start);
                    tails[cls] = start;
                }
            } else {
                if (largeTail == 0) largeFree = start;
                else putLong(largeTail + 8, start);
                largeTail = start;
            }
            start += size;
        }
        return largeTail;
    }

    /** Gives back everything from {@code newFrontier} on: zero the partial page, return whole pages to the OS. */
    private void lowerFrontier(long newFrontier) {
        long page = NativeMemory.PAGE;
        long firstWhole = (newFrontier + page - 1) & -page;
        long oldEnd = (frontier + page - 1) & -page;
        Mem.zero(newFrontier, Math.min(firstWhole, frontier) - newFrontier);
        if (oldEnd > firstWhole && !NativeMemory.discard(firstWhole, oldEnd - firstWhole)) {
            Mem.zero(firstWhole, frontier - firstWhole);  // the OS refused: keep "above the frontier is zero" true
        }
        frontier = newFrontier;
    }

    // ---- Statistics and checks. ----

    /** The counters now. */
    public GcStats stats() {
        long sinceGc = getLong(state + STATE_ALLOCATED);
        long inUse = liveBytes + sinceGc;
        return new GcStats(collections, totalPause, maxPause, lastPause, totalMark, totalSweep, liveBytes, inUse,
                Math.max(peakInUse, inUse), frontier - heapStart, peakFootprint, allocatedBeforeLastGc + sinceGc,
                maxBytes);
    }

    /** Bytes held by objects now (live after the last collection plus allocated since). */
    public long inUseBytes() { return stats().inUseBytes(); }

    /** Calls {@code action} with the address of every object (not free blocks) in address order. */
    public void forEachObject(LongConsumer action) {
        retireBump();
        for (long a = heapStart; a < frontier; ) {
            long h = getLong(a);
            if ((h & Header.KIND_MASK) != ObjectKind.FREE) action.accept(a);
            a += h >>> Header.SIZE_SHIFT;
        }
    }

    /**
     * Checks the heap's structure (for tests and debugging): blocks tile the area up to the frontier,
     * kinds and sizes are sane, no mark bit is left set, free lists hold free blocks of their size.
     *
     * @return the number of objects
     * @throws IllegalStateException describing the first inconsistency
     */
    public long verify() {
        retireBump();
        long objects = 0;
        long a = heapStart;
        while (a < frontier) {
            long h = getLong(a);
            long size = h >>> Header.SIZE_SHIFT;
            int kind = (int) (h & Header.KIND_MASK);
            if (size < 8 || (size & 7) != 0 || a + size > frontier) fail(a, "bad size " + size);
            if (kind >= ObjectKind.COUNT) fail(a, "bad kind " + kind);
            if ((h & 0xFFFF_FE00L) != 0 || (h & Header.MARK_BIT) != 0) fail(a, "stray header bits 0x" + Long.toHexString(h));
            if (kind != ObjectKind.FREE) objects++;
            a += size;
        }
        if (a != frontier) fail(a, "blocks overrun the frontier");
        for (long s = MIN_BLOCK; s <= SMALL_MAX; s += 8) {
            for (long b = getLong(state + STATE_FREE_HEADS + s); b != 0; b = getLong(b + 8)) {
                if (Header.kind(b) != ObjectKind.FREE || Header.size(b) != s) fail(b, "bad block on the " + s + "-byte free list");
            }
        }
        for (long b = largeFree; b != 0; b = getLong(b + 8)) {
            if (Header.kind(b) != ObjectKind.FREE || Header.size(b) <= SMALL_MAX) fail(b, "bad block on the large free list");
        }
        return objects;
    }

    private static void fail(long a, String what) {
        throw new IllegalStateException("heap inconsistent at 0x" + Long.toHexString(a) + ": " + what);
    }

    /** Unmaps the heap. Every address into it becomes invalid: touching one afterwards crashes the process. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        NativeMemory.release(base, maxBytes);
    }
}
