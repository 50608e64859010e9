package dev.roast.mir;

import dev.roast.frontend.types.Type;

/** What is being indexed, known statically: decides bounds/key checks and the result's representation. */
public enum ItemKind {
    LIST, STR, DICT, RANGE, ANY;

    public static ItemKind of(Type t) {
        return switch (t) {
            case Type.ListOf l -> LIST;
            case Type.DictOf d -> DICT;
            case Type.View v -> RANGE;
            default -> t == Type.STR ? STR : ANY;
        };
    }
}
