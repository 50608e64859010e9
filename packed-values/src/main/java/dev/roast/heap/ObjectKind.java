package dev.roast.heap;

/**
 * The object kinds: the low byte of every object's header word. Fixed numbers, because the interpreter
 * and generated machine code compare them directly (layouts: packed-values/README.md, "Heap objects").
 */
public final class ObjectKind {
    private ObjectKind() {}

    /** A free block: not an object (its +8 word links it into a free list). */
    public static final int FREE = 0;
    /** A 64-bit int that does not fit the 48-bit inline form. */
    public static final int BOXED_INT = 1;
    /** An immutable string of code points at 1, 2 or 4 bytes each. */
    public static final int STR = 2;
    /** A list: length, capacity and its ITEMS block. */
    public static final int LIST = 3;
    /** A list's elements: capacity packed words (no header fields besides the size). */
    public static final int ITEMS = 4;
    /** A dict: counts and its DICT_TABLE block. */
    public static final int DICT = 5;
    /** A dict's hash index and insertion-ordered entries. */
    public static final int DICT_TABLE = 6;
    /** An instance of a user class: class id and fields. */
    public static final int INSTANCE = 7;
    /** An exception instance: INSTANCE's layout, a kind of its own so the runtime can tell it with one load. */
    public static final int EXCEPTION = 8;
    /** A closure cell holding one value. */
    public static final int CELL = 9;
    /** A function value: function id and captured cells. */
    public static final int FUNCTION = 10;
    /** A method bound to its receiver. */
    public static final int BOUND_METHOD = 11;
    /** A range(start, stop, step). */
    public static final int RANGE = 12;
    /** An iterator over a list, str, dict's keys or values, or range. */
    public static final int ITERATOR = 13;

    private static final String[] NAMES = {"FREE", "BOXED_INT", "STR", "LIST", "ITEMS", "DICT", "DICT_TABLE",
        "INSTANCE", "EXCEPTION", "CELL", "FUNCTION", "BOUND_METHOD", "RANGE", "ITERATOR"};

    /** The number of kinds; every kind is below this. */
    public static final int COUNT = NAMES.length;

    /** The kind's name, for debugging. */
    public static String name(int kind) {
        return kind >= 0 && kind < COUNT ? NAMES[kind] : "kind#" + kind;
    }
}
