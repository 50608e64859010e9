package dev.roast.bytecode;

import static dev.roast.bytecode.Operand.CONST;
import static dev.roast.bytecode.Operand.DST;
import static dev.roast.bytecode.Operand.IMM;
import static dev.roast.bytecode.Operand.OPT_REG;
import static dev.roast.bytecode.Operand.REG;
import static dev.roast.bytecode.Operand.REGS;
import static dev.roast.bytecode.Operand.TARGET;

import dev.roast.mir.ArithOp;
import dev.roast.mir.CompareKind;
import dev.roast.mir.UnaryKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every bytecode instruction: name, operands (in encoding order) and the MIR
 * op it implements, if any. The encoder, the decoder/disassembler and the
 * compiler's instruction selection all derive from this one table.
 *
 * <p>Typed ops on static types are separate opcodes (no tag checks); `any`
 * ops share one opcode each family with the operation as an IMM, since they
 * go through the runtime anyway. Fused compare-and-branch opcodes jump when
 * the comparison is false ({@code JUMP_UNLESS_*}) or true ({@code JUMP_IF_*}).
 */
public enum Opcode {
    // ---- moves and constants ----
    MOVE(DST, REG),
    LOAD_INT(DST, IMM),
    LOAD_CONST(DST, CONST),
    LOAD_TRUE(DST),
    LOAD_FALSE(DST),
    LOAD_NONE(DST),
    /** UnboundLocalError unless the local in REG is assigned; CONST is its name. */
    CHECK_BOUND(REG, CONST),

    // ---- variables outside the frame ----
    LOAD_GLOBAL(DST, IMM, CONST),
    STORE_GLOBAL(IMM, REG),
    NEW_CELL(DST, OPT_REG),
    LOAD_CELL(DST, REG, CONST),
    STORE_CELL(REG, REG),
    LOAD_CAPTURE(DST, IMM),

    // ---- int arithmetic (overflow raises OverflowError) ----
    ADD_INT(ArithOp.INT_ADD), SUB_INT(ArithOp.INT_SUB), MUL_INT(ArithOp.INT_MUL),
    FLOOR_DIV_INT(ArithOp.INT_FLOOR_DIV), MOD_INT(ArithOp.INT_MOD), POW_INT(ArithOp.INT_POW),
    TRUE_DIV_INT(ArithOp.INT_TRUE_DIV), AND_INT(ArithOp.INT_AND), OR_INT(ArithOp.INT_OR), XOR_INT(ArithOp.INT_XOR),
    SHL_INT(ArithOp.INT_SHL), SHR_INT(ArithOp.INT_SHR),
    /** dst = src + imm: loop counters and `i += 1`. */
    ADD_INT_IMM(DST, REG, IMM),

    // ---- float arithmetic ----
    ADD_FLOAT(ArithOp.FLOAT_ADD), SUB_FLOAT(ArithOp.FLOAT_SUB), MUL_FLOAT(ArithOp.FLOAT_MUL), DIV_FLOAT(ArithOp.FLOAT_DIV),
    FLOOR_DIV_FLOAT(ArithOp.FLOAT_FLOOR_DIV), MOD_FLOAT(ArithOp.FLOAT_MOD), POW_FLOAT(ArithOp.FLOAT_POW),

    // ---- other typed arithmetic ----
    AND_BOOL(ArithOp.BOOL_AND), OR_BOOL(ArithOp.BOOL_OR), XOR_BOOL(ArithOp.BOOL_XOR),
    CONCAT_STR(ArithOp.STR_CONCAT), REPEAT_STR(ArithOp.STR_REPEAT),
    CONCAT_LIST(ArithOp.LIST_CONCAT), REPEAT_LIST(ArithOp.LIST_REPEAT),
    /** dst = left op right on `any` operands; IMM is the ArithOp ordinal. */
    ARITH_ANY(DST, REG, REG, IMM),

    // ---- unary ----
    NEG_INT(UnaryKind.INT_NEG), NEG_FLOAT(UnaryKind.FLOAT_NEG), INVERT_INT(UnaryKind.INT_INVERT),
    TRUTH(UnaryKind.TRUTH), NOT(UnaryKind.NOT), INT_TO_FLOAT(UnaryKind.INT_TO_FLOAT),
    /** IMM is the UnaryKind ordinal (ANY_NEG, ANY_POS, ANY_INVERT). */
    UNARY_ANY(DST, REG, IMM),
    /** dst = src checked to be the type in CONST (TypeError otherwise; ints widen to float). */
    CHECK_TYPE(DST, REG, CONST),

    // ---- comparisons into a bool ----
    LT_INT(CompareKind.INT_LT), LE_INT(CompareKind.INT_LE), GT_INT(CompareKind.INT_GT),
    GE_INT(CompareKind.INT_GE), EQ_INT(CompareKind.INT_EQ), NE_INT(CompareKind.INT_NE),
    LT_FLOAT(CompareKind.FLOAT_LT), LE_FLOAT(CompareKind.FLOAT_LE), GT_FLOAT(CompareKind.FLOAT_GT),
    GE_FLOAT(CompareKind.FLOAT_GE), EQ_FLOAT(CompareKind.FLOAT_EQ), NE_FLOAT(CompareKind.FLOAT_NE),
    /** Strings, `any`, identity and containment; IMM is the CompareKind ordinal. */
    COMPARE(DST, REG, REG, IMM),

    // ---- control ----
    JUMP(TARGET),
    JUMP_IF_TRUE(REG, TARGET),
    JUMP_IF_FALSE(REG, TARGET),
    JUMP_UNLESS_LT_INT(CompareKind.INT_LT), JUMP_UNLESS_LE_INT(CompareKind.INT_LE), JUMP_UNLESS_GT_INT(CompareKind.INT_GT),
    JUMP_UNLESS_GE_INT(CompareKind.INT_GE), JUMP_UNLESS_EQ_INT(CompareKind.INT_EQ), JUMP_UNLESS_NE_INT(CompareKind.INT_NE),
    JUMP_UNLESS_LT_FLOAT(CompareKind.FLOAT_LT), JUMP_UNLESS_LE_FLOAT(CompareKind.FLOAT_LE), JUMP_UNLESS_GT_FLOAT(CompareKind.FLOAT_GT),
    JUMP_UNLESS_GE_FLOAT(CompareKind.FLOAT_GE), JUMP_UNLESS_EQ_FLOAT(CompareKind.FLOAT_EQ), JUMP_UNLESS_NE_FLOAT(CompareKind.FLOAT_NE),
    /**
     * A loop header that some back-edge reaches by a branch rather than a plain jump: counts back-edges for
     * tier-up (and later OSR). IMM is the loop's index in the function.
     */
    LOOP(IMM),
    /** A back-edge: counts it for loop IMM as LOOP does, then jumps to the loop's header (one dispatch, not two). */
    JUMP_LOOP(TARGET, IMM),
    RETURN(REG),
    RETURN_NONE(),
    RAISE(REG),
    RAISE_ASSERTION(OPT_REG),
    ITER_START(DST, REG),
    /** dst = next element of the iterator in REG, or jump to TARGET when it is exhausted. */
    ITER_NEXT(DST, REG, TARGET),

    // ---- calls ----
    CALL_DIRECT(DST, CONST, REGS),
    CALL_VIRTUAL(DST, CONST, REGS),
    CALL_VALUE(DST, REG, REGS),
    CALL_DYNAMIC(DST, REG, CONST, REGS),
    /** CONST: the builtin; REGS: positional args; CONST: keyword names (a String[]); REGS: keyword args. */
    CALL_BUILTIN(DST, CONST, REGS, CONST, REGS),
    CALL_METHOD(DST, CONST, REG, REGS, CONST, REGS),

    // ---- functions, classes, objects ----
    MAKE_FUNCTION(DST, CONST, REGS),
    LOAD_CLASS(DST, CONST),
    LOAD_BUILTIN(DST, CONST),
    ALLOC(DST, CONST),
    NEW_EXCEPTION(DST, CONST, OPT_REG),
    INIT_EXCEPTION(REG, OPT_REG),
    /** dst = obj.field at the slot IMM; CONST is the field (for AttributeError messages). */
    GET_FIELD(DST, REG, IMM, CONST),
    SET_FIELD(REG, IMM, REG),
    GET_CONSTANT(DST, OPT_REG, CONST),
    SET_CONSTANT(OPT_REG, CONST, REG),
    GET_ATTR(DST, REG, CONST),
    SET_ATTR(REG, CONST, REG),
    BIND_METHOD(DST, REG, CONST),

    // ---- containers and strings ----
    MAKE_LIST(DST, REGS),
    /** REGS holds key, value, key, value… */
    MAKE_DICT(DST, REGS),
    GET_ITEM_LIST(DST, REG, REG),
    GET_ITEM_STR(DST, REG, REG),
    GET_ITEM_DICT(DST, REG, REG),
    /** Ranges and `any`: IMM is the ItemKind ordinal. */
    GET_ITEM(DST, REG, REG, IMM),
    SET_ITEM_LIST(REG, REG, REG),
    SET_ITEM_DICT(REG, REG, REG),
    SET_ITEM(REG, REG, REG, IMM),
    DEL_ITEM(REG, REG, IMM),
    /** list op= other in place; IMM is the ArithOp ordinal (LIST_CONCAT or LIST_REPEAT). */
    LIST_IN_PLACE(REG, REG, IMM),
    /** dst = format(src, conversion IMM (0, 'r', 's', 'a'), spec OPT_REG). */
    FORMAT(DST, REG, IMM, OPT_REG),
    BUILD_STRING(DST, REGS),
    /** dst = len(src): `len` with one argument, inline for str, list and dict. */
    LEN(DST, REG),

    // ---- modules ----
    /** dst = a module's value that exists only at run time; CONST is its qualified name ("sys.argv"). */
    LOAD_MODULE_VALUE(DST, CONST);

    private final List<Operand> operands;
    private final ArithOp arith;
    private final CompareKind compare;
    private final UnaryKind unary;

    Opcode(Operand... operands) {
        this(null, null, null, operands);
    }

    Opcode(ArithOp op) {
        this(op, null, null, DST, REG, REG);
    }

    Opcode(UnaryKind op) {
        this(null, null, op, DST, REG);
    }

    /** A typed comparison into a bool, or (for JUMP_UNLESS_*) a fused compare-and-branch. */
    Opcode(CompareKind op) {
        this(null, op, null);
    }

    Opcode(ArithOp arith, CompareKind compare, UnaryKind unary, Operand... operands) {
        this.arith = arith;
        this.compare = compare;
        this.unary = unary;
        this.operands = compare != null && operands.length == 0
                ? (name().startsWith("JUMP_") ? List.of(REG, REG, TARGET) : List.of(DST, REG, REG))
                : List.of(operands);
    }

    public List<Operand> operands() { return operands; }

    /** What the interpreter records at this instruction for the optimizing tier (architecture decision 8). */
    public enum Feedback {
        /** Nothing: the operand types are static. */
        NONE,
        /** The kinds of value seen in each REG/OPT_REG operand (an `any` operation). */
        OPERAND_KINDS,
        /** The function each execution called (a call whose target is not static). */
        CALL_TARGET
    }

    /** Every opcode by its number ({@code values()} copies its array at each call). */
    private static final Opcode[] ALL = values();
    /** Per opcode, its length in words when it has no REGS list, else 0 (the length depends on the lists). */
    private static final int[] FIXED_LENGTH = new int[ALL.length];

    static {
        for (Opcode o : ALL) FIXED_LENGTH[o.ordinal()] = o.operands.contains(Operand.REGS) ? 0 : 1 + o.operands.size();
    }

    /** The opcode numbered {@code code}, as instructions store it. */
    public static Opcode of(int code) { return ALL[code]; }

    /** The length in words of the instruction at {@code pc} (opcode, operands, REGS lists with their counts). */
    public static int lengthAt(int[] code, int pc) {
        int fixed = FIXED_LENGTH[code[pc]];
        if (fixed != 0) return fixed;
        int at = pc + 1;
        for (Operand o : ALL[code[pc]].operands) at += o == Operand.REGS ? 1 + code[at] : 1;
        return at - pc;
    }

    /** The type feedback this instruction records. */
    public Feedback feedback() {
        return switch (this) {
            case ARITH_ANY, UNARY_ANY, TRUTH, NOT, CHECK_TYPE, COMPARE, ITER_START, GET_ITEM, SET_ITEM, DEL_ITEM,
                 GET_ATTR, SET_ATTR, BIND_METHOD, CALL_DYNAMIC, FORMAT -> Feedback.OPERAND_KINDS;
            case CALL_VIRTUAL, CALL_VALUE -> Feedback.CALL_TARGET;
            default -> Feedback.NONE;
        };
    }

    /** Whether this opcode ends the straight-line flow (its successor is not simply the next instruction). */
    public boolean isUnconditionalTransfer() {
        return this == JUMP || this == JUMP_LOOP || this == RETURN || this == RETURN_NONE || this == RAISE || this == RAISE_ASSERTION;
    }

    private static final Map<ArithOp, Opcode> BY_ARITH = new EnumMap<>(ArithOp.class);
    private static final Map<CompareKind, Opcode> BY_COMPARE = new EnumMap<>(CompareKind.class);
    private static final Map<CompareKind, Opcode> JUMP_UNLESS = new EnumMap<>(CompareKind.class);
    private static final Map<UnaryKind, Opcode> BY_UNARY = new EnumMap<>(UnaryKind.class);

    static {
        for (Opcode o : values()) {
            if (o.arith != null) BY_ARITH.put(o.arith, o);
            if (o.unary != null) BY_UNARY.put(o.unary, o);
            if (o.compare != null) (o.name().startsWith("JUMP_") ? JUMP_UNLESS : BY_COMPARE).put(o.compare, o);
        }
    }

    /** The dedicated opcode of a typed arithmetic op, or null (generic: ARITH_ANY). */
    public static Opcode forArith(ArithOp op) { return BY_ARITH.get(op); }

    /** The dedicated opcode of a comparison, or null (COMPARE with the kind as IMM). */
    public static Opcode forCompare(CompareKind k) { return BY_COMPARE.get(k); }

    /** The fused "jump unless" opcode for a typed comparison, or null. */
    public static Opcode jumpUnless(CompareKind k) { return JUMP_UNLESS.get(k); }

    /** The dedicated opcode of a unary op, or null (UNARY_ANY). */
    public static Opcode forUnary(UnaryKind k) { return BY_UNARY.get(k); }
}
