package dev.roast.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roast.bytecode.Opcode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

class OpTest {
    @Test
    void constantsMirrorTheOpcodeTable() throws IllegalAccessException {
        int count = 0;
        for (Field f : Op.class.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != int.class) continue;
            assertEquals(Opcode.valueOf(f.getName()).ordinal(), f.getInt(null), f.getName());
            count++;
        }
        assertEquals(Opcode.values().length, count, "every opcode has a constant");
    }

    @Test
    void anyOrderingsAreContiguousInLtLeGtGeEqNeOrder() {
        // Interpreter's inline COMPARE fast path indexes them by offset from ANY_LT.
        String[] order = {"LT", "LE", "GT", "GE", "EQ", "NE"};
        int first = dev.roast.mir.CompareKind.ANY_LT.ordinal();
        for (int i = 0; i < order.length; i++) assertEquals(first + i, dev.roast.mir.CompareKind.valueOf("ANY_" + order[i]).ordinal());
    }

    @Test
    void comparisonFamiliesAreContiguousInLtLeGtGeEqNeOrder() {
        // Interpreter.compareInt/compareFloat index a family by offset from its LT member.
        for (String family : new String[] {"%s_INT", "%s_FLOAT", "JUMP_UNLESS_%s_INT", "JUMP_UNLESS_%s_FLOAT"}) {
            int first = Opcode.valueOf(family.formatted("LT")).ordinal();
            String[] order = {"LT", "LE", "GT", "GE", "EQ", "NE"};
            for (int i = 0; i < order.length; i++) {
                assertEquals(first + i, Opcode.valueOf(family.formatted(order[i])).ordinal(), family.formatted(order[i]));
            }
        }
    }
}
