package dev.roast.frontend.hir;

import java.util.HashMap;
import java.util.Map;

/**
 * The methods of str, list and dict (spec §9), keyed by receiver kind and
 * name. {@code core} is false for the [full] ones.
 */
public enum BuiltinMethod {
    STR_SPLIT(Receiver.STR, "split"), STR_JOIN(Receiver.STR, "join"), STR_STRIP(Receiver.STR, "strip"),
    STR_LSTRIP(Receiver.STR, "lstrip"), STR_RSTRIP(Receiver.STR, "rstrip"),
    STR_STARTSWITH(Receiver.STR, "startswith"), STR_ENDSWITH(Receiver.STR, "endswith"),
    STR_FIND(Receiver.STR, "find"), STR_REPLACE(Receiver.STR, "replace"), STR_UPPER(Receiver.STR, "upper"),
    STR_LOWER(Receiver.STR, "lower"), STR_ISDIGIT(Receiver.STR, "isdigit"), STR_ISALPHA(Receiver.STR, "isalpha"),
    STR_ISSPACE(Receiver.STR, "isspace"), STR_COUNT(Receiver.STR, "count"),
    STR_INDEX(Receiver.STR, "index", false), STR_SPLITLINES(Receiver.STR, "splitlines", false),
    STR_FORMAT(Receiver.STR, "format", false),

    LIST_APPEND(Receiver.LIST, "append"), LIST_POP(Receiver.LIST, "pop"), LIST_INSERT(Receiver.LIST, "insert"),
    LIST_EXTEND(Receiver.LIST, "extend"), LIST_INDEX(Receiver.LIST, "index"), LIST_REMOVE(Receiver.LIST, "remove"),
    LIST_REVERSE(Receiver.LIST, "reverse"), LIST_SORT(Receiver.LIST, "sort"), LIST_COPY(Receiver.LIST, "copy"),
    LIST_CLEAR(Receiver.LIST, "clear"), LIST_COUNT(Receiver.LIST, "count"),

    DICT_GET(Receiver.DICT, "get"), DICT_KEYS(Receiver.DICT, "keys"), DICT_VALUES(Receiver.DICT, "values"),
    DICT_POP(Receiver.DICT, "pop"), DICT_SETDEFAULT(Receiver.DICT, "setdefault"), DICT_UPDATE(Receiver.DICT, "update"),
    DICT_COPY(Receiver.DICT, "copy"), DICT_CLEAR(Receiver.DICT, "clear"), DICT_ITEMS(Receiver.DICT, "items", false);

    /** The built-in type a method belongs to. */
    public enum Receiver { STR, LIST, DICT }

    public final Receiver receiver;
    public final String pyName;
    public final boolean core;

    BuiltinMethod(Receiver receiver, String pyName) {
        this(receiver, pyName, true);
    }

    BuiltinMethod(Receiver receiver, String pyName, boolean core) {
        this.receiver = receiver;
        this.pyName = pyName;
        this.core = core;
    }

    private static final Map<String, BuiltinMethod> BY_NAME = new HashMap<>();

    static {
        for (BuiltinMethod m : values()) BY_NAME.put(m.receiver + "." + m.pyName, m);
    }

    public static BuiltinMethod find(Receiver receiver, String name) {
        return BY_NAME.get(receiver + "." + name);
    }
}
