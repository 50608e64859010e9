package dev.roast.codegen.x64;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Emits x86-64 machine code, one typed method per instruction form, into a growable buffer.
 *
 * <p>Integer instructions work on the full 64-bit registers unless their name ends in {@code 32}
 * (or {@code 8}). Where two encodings exist, this picks the one GNU {@code as} picks, so that the
 * encoding table in the tests compares byte for byte. Branches to labels bound earlier are encoded
 * at once (rel8 when in reach); forward ones get a rel32 that {@link #finish()} patches.
 */
public final class Assembler {
    /** A rel32 field at {@code at} that must hold {@code target - end}. */
    private record Fixup(Label target, int at, int end) {}

    private static final int REX = 0x40;
    private static final int REX_W = 0x08;
    private static final int NO_PREFIX = 0;

    /** The multi-byte nops GNU {@code as} pads with, indexed by length (Intel SDM "recommended multi-byte NOP"). */
    private static final byte[][] NOPS = {
        {},
        {(byte) 0x90},
        {0x66, (byte) 0x90},
        {0x0F, 0x1F, 0x00},
        {0x0F, 0x1F, 0x40, 0x00},
        {0x0F, 0x1F, 0x44, 0x00, 0x00},
        {0x66, 0x0F, 0x1F, 0x44, 0x00, 0x00},
        {0x0F, 0x1F, (byte) 0x80, 0x00, 0x00, 0x00, 0x00},
        {0x0F, 0x1F, (byte) 0x84, 0x00, 0x00, 0x00, 0x00, 0x00},
        {0x66, 0x0F, 0x1F, (byte) 0x84, 0x00, 0x00, 0x00, 0x00, 0x00},
        {0x66, 0x2E, 0x0F, 0x1F, (byte) 0x84, 0x00, 0x00, 0x00, 0x00, 0x00},
        {0x66, 0x66, 0x2E, 0x0F, 0x1F, (byte) 0x84, 0x00, 0x00, 0x00, 0x00, 0x00},
    };

    private byte[] code = new byte[2048];
    private int size;
    private final List<Fixup> fixups = new ArrayList<>();

    // ---------------------------------------------------------------- labels and output

    public Label newLabel() {
        return new Label(this);
    }

    /** Binds {@code l} to the current position; a label is bound exactly once. */
    public void bind(Label l) {
        owned(l);
        if (l.position >= 0) throw new IllegalStateException("label already bound at offset " + l.position);
        l.position = size;
    }

    public boolean isBound(Label l) {
        owned(l);
        return l.position >= 0;
    }

    /** The offset the next instruction will be emitted at. */
    public int position() {
        return size;
    }

    /**
     * Patches every forward reference and returns the code. Emitting may continue afterwards; a later
     * call returns the longer code.
     *
     * @throws IllegalStateException if a label some instruction refers to was never bound
     */
    public byte[] finish() {
        for (Fixup f : fixups) {
            if (f.target.position < 0) {
                throw new IllegalStateException("a label referred to at offset " + f.at + " was never bound");
            }
            putInt(f.at, f.target.position - f.end);
        }
        return Arrays.copyOf(code, size);
    }

    // ---------------------------------------------------------------- moves

    public void mov(Reg dst, Reg src) {
        rr(NO_PREFIX, true, 0x89, src.code(), dst.code());
    }

    public void mov(Reg dst, Mem src) {
        rm(NO_PREFIX, true, 0x8B, dst.code(), src);
    }

    public void mov(Mem dst, Reg src) {
        rm(NO_PREFIX, true, 0x89, src.code(), dst);
    }

    /**
     * Loads a 64-bit constant in the shortest form: {@code mov r32, imm32} (writing a 32-bit register
     * zeroes the upper half), else the sign-extended {@code mov r64, imm32}, else {@code movabs}.
     * Never {@code xor r, r}: that would clobber the flags.
     */
    public void mov(Reg dst, long imm) {
        if (imm >= 0 && imm <= 0xFFFF_FFFFL) {
            rex(false, 0, 0, dst.code());
            emit(0xB8 | dst.code() & 7);
            emitInt((int) imm);
        } else if (imm == (int) imm) {
            rr(NO_PREFIX, true, 0xC7, 0, dst.code());
            emitInt((int) imm);
        } else {
            rex(true, 0, 0, dst.code());
            emit(0xB8 | dst.code() & 7);
            emitLong(imm);
        }
    }

    /** Stores the sign-extended {@code simm32} as a 64-bit word. */
    public void mov(Mem dst, int simm32) {
        rm(NO_PREFIX, true, 0xC7, 0, dst);
        emitInt(simm32);
    }

    public void mov32(Reg dst, Reg src) {
        rr(NO_PREFIX, false, 0x89, src.code(), dst.code());
    }

    public void mov32(Reg dst, Mem src) {
        rm(NO_PREFIX, false, 0x8B, dst.code(), src);
    }

    public void mov32(Mem dst, Reg src) {
        rm(NO_PREFIX, false, 0x89, src.code(), dst);
    }

    public void mov32(Mem dst, int imm32) {
        rm(NO_PREFIX, false, 0xC7, 0, dst);
        emitInt(imm32);
    }

    public void lea(Reg dst, Mem src) {
        rm(NO_PREFIX, true, 0x8D, dst.code(), src);
    }

    /** {@code lea dst, [rip + l]}: the address of a label, e.g. of a constant pool entry. */
    public void lea(Reg dst, Label l) {
        ripRelative(NO_PREFIX, true, 0x8D, dst.code(), l);
    }

    /** {@code mov dst, [rip + l]}: loads the 64-bit word at a label. */
    public void mov(Reg dst, Label l) {
        ripRelative(NO_PREFIX, true, 0x8B, dst.code(), l);
    }

    // ---------------------------------------------------------------- ALU

    public void add(Reg dst, Reg src) { alu(Alu.ADD, dst, src); }
    public void add(Reg dst, Mem src) { alu(Alu.ADD, dst, src); }
    public void add(Mem dst, Reg src) { alu(Alu.ADD, dst, src); }
    public void add(Reg dst, int simm32) { alu(Alu.ADD, true, dst, simm32); }
    public void add(Mem dst, int simm32) { alu(Alu.ADD, true, dst, simm32); }

    public void sub(Reg dst, Reg src) { alu(Alu.SUB, dst, src); }
    public void sub(Reg dst, Mem src) { alu(Alu.SUB, dst, src); }
    public void sub(Mem dst, Reg src) { alu(Alu.SUB, dst, src); }
    public void sub(Reg dst, int simm32) { alu(Alu.SUB, true, dst, simm32); }
    public void sub(Mem dst, int simm32) { alu(Alu.SUB, true, dst, simm32); }

    public void and(Reg dst, Reg src) { alu(Alu.AND, dst, src); }
    public void and(Reg dst, Mem src) { alu(Alu.AND, dst, src); }
    public void and(Mem dst, Reg src) { alu(Alu.AND, dst, src); }
    public void and(Reg dst, int simm32) { alu(Alu.AND, true, dst, simm32); }
    public void and(Mem dst, int simm32) { alu(Alu.AND, true, dst, simm32); }

    public void or(Reg dst, Reg src) { alu(Alu.OR, dst, src); }
    public void or(Reg dst, Mem src) { alu(Alu.OR, dst, src); }
    public void or(Mem dst, Reg src) { alu(Alu.OR, dst, src); }
    public void or(Reg dst, int simm32) { alu(Alu.OR, true, dst, simm32); }
    public void or(Mem dst, int simm32) { alu(Alu.OR, true, dst, simm32); }

    public void xor(Reg dst, Reg src) { alu(Alu.XOR, dst, src); }
    public void xor(Reg dst, Mem src) { alu(Alu.XOR, dst, src); }
    public void xor(Mem dst, Reg src) { alu(Alu.XOR, dst, src); }
    public void xor(Reg dst, int simm32) { alu(Alu.XOR, true, dst, simm32); }
    public void xor(Mem dst, int simm32) { alu(Alu.XOR, true, dst, simm32); }

    public void cmp(Reg a, Reg b) { alu(Alu.CMP, a, b); }
    public void cmp(Reg a, Mem b) { alu(Alu.CMP, a, b); }
    public void cmp(Mem a, Reg b) { alu(Alu.CMP, a, b); }
    public void cmp(Reg a, int simm32) { alu(Alu.CMP, true, a, simm32); }
    public void cmp(Mem a, int simm32) { alu(Alu.CMP, true, a, simm32); }

    public void cmp32(Reg a, Reg b) {
        rr(NO_PREFIX, false, Alu.CMP.ext << 3 | 1, b.code(), a.code());
    }

    public void cmp32(Mem a, int imm) {
        alu(Alu.CMP, false, a, imm);
    }

    public void cmp32(Reg a, int imm) {
        alu(Alu.CMP, false, a, imm);
    }

    public void add32(Mem m, int imm) {
        alu(Alu.ADD, false, m, imm);
    }

    public void test(Reg a, Reg b) {
        rr(NO_PREFIX, true, 0x85, b.code(), a.code());
    }

    public void test(Reg a, int imm32) {
        if (a == Reg.RAX) {
            emit(REX | REX_W);
            emit(0xA9);
        } else {
            rr(NO_PREFIX, true, 0xF7, 0, a.code());
        }
        emitInt(imm32);
    }

    public void test(Mem a, int imm32) {
        rm(NO_PREFIX, true, 0xF7, 0, a);
        emitInt(imm32);
    }

    public void imul(Reg dst, Reg src) {
        rr(NO_PREFIX, true, 0x0FAF, dst.code(), src.code());
    }

    public void imul(Reg dst, Mem src) {
        rm(NO_PREFIX, true, 0x0FAF, dst.code(), src);
    }

    /** {@code dst = src * imm32}. */
    public void imul(Reg dst, Reg src, int imm32) {
        boolean short8 = isInt8(imm32);
        rr(NO_PREFIX, true, short8 ? 0x6B : 0x69, dst.code(), src.code());
        immediate(imm32, short8);
    }

    /** rdx:rax = rax * r, unsigned: the full 128-bit product (division by a constant multiplies by its reciprocal). */
    public void mul(Reg r) {
        rr(NO_PREFIX, true, 0xF7, 4, r.code());
    }

    public void neg(Reg r) {
        rr(NO_PREFIX, true, 0xF7, 3, r.code());
    }

    public void not(Reg r) {
        rr(NO_PREFIX, true, 0xF7, 2, r.code());
    }

    public void inc(Mem m) {
        rm(NO_PREFIX, true, 0xFF, 0, m);
    }

    public void dec(Mem m) {
        rm(NO_PREFIX, true, 0xFF, 1, m);
    }

    public void inc32(Mem m) {
        rm(NO_PREFIX, false, 0xFF, 0, m);
    }

    public void dec32(Mem m) {
        rm(NO_PREFIX, false, 0xFF, 1, m);
    }

    public void shl(Reg r, int n) { shift(Shift.SHL, r, n); }
    public void shr(Reg r, int n) { shift(Shift.SHR, r, n); }
    public void sar(Reg r, int n) { shift(Shift.SAR, r, n); }

    public void shlCl(Reg r) { rr(NO_PREFIX, true, 0xD3, Shift.SHL.ext, r.code()); }
    public void shrCl(Reg r) { rr(NO_PREFIX, true, 0xD3, Shift.SHR.ext, r.code()); }
    public void sarCl(Reg r) { rr(NO_PREFIX, true, 0xD3, Shift.SAR.ext, r.code()); }

    /** Sign-extends rax into rdx:rax, before {@link #idiv(Reg)}. */
    public void cqo() {
        emit(REX | REX_W);
        emit(0x99);
    }

    /** rdx:rax / r: quotient in rax, remainder in rdx. */
    public void idiv(Reg r) {
        rr(NO_PREFIX, true, 0xF7, 7, r.code());
    }

    /** Sign-extends eax into edx:eax, before {@link #idiv32(Reg)}. */
    public void cdq() {
        emit(0x99);
    }

    public void idiv32(Reg r) {
        rr(NO_PREFIX, false, 0xF7, 7, r.code());
    }

    /** Sets the low byte of {@code r} to 0 or 1; the upper bytes are kept (see {@link #movzx8}). */
    public void setcc(Cond c, Reg r) {
        byteRr(0x0F90 | c.code(), 0, r.code());
    }

    /** Zero-extends the low byte of {@code src} into all of {@code dst}. */
    public void movzx8(Reg dst, Reg src) {
        byteRr(0x0FB6, dst.code(), src.code());
    }

    public void cmov(Cond c, Reg dst, Reg src) {
        rr(NO_PREFIX, true, 0x0F40 | c.code(), dst.code(), src.code());
    }

    public void cmov(Cond c, Reg dst, Mem src) {
        rm(NO_PREFIX, true, 0x0F40 | c.code(), dst.code(), src);
    }

    // ---------------------------------------------------------------- stack and control flow

    public void push(Reg r) {
        rex(false, 0, 0, r.code());
        emit(0x50 | r.code() & 7);
    }

    public void pop(Reg r) {
        rex(false, 0, 0, r.code());
        emit(0x58 | r.code() & 7);
    }

    public void ret() {
        emit(0xC3);
    }

    public void call(Reg r) {
        rr(NO_PREFIX, false, 0xFF, 2, r.code());
    }

    public void call(Mem m) {
        rm(NO_PREFIX, false, 0xFF, 2, m);
    }

    /** {@code call rel32} to a label. */
    public void call(Label l) {
        emit(0xE8);
        rel32(l);
    }

    /** {@code jmp} to a label: rel8 when it is bound and in reach, else rel32. */
    public void jmp(Label l) {
        if (inShortReach(l)) {
            emit(0xEB);
            emit(l.position - (size + 1));
        } else {
            jmpNear(l);
        }
    }

    public void jmp(Reg r) {
        rr(NO_PREFIX, false, 0xFF, 4, r.code());
    }

    public void jmp(Mem m) {
        rm(NO_PREFIX, false, 0xFF, 4, m);
    }

    /** {@code jcc} to a label: rel8 when it is bound and in reach, else rel32. */
    public void jcc(Cond c, Label l) {
        if (inShortReach(l)) {
            emit(0x70 | c.code());
            emit(l.position - (size + 1));
        } else {
            jccNear(c, l);
        }
    }

    /** {@code jmp rel32}, even when rel8 would reach, so the displacement can be patched later. */
    public void jmpNear(Label l) {
        emit(0xE9);
        rel32(l);
    }

    /** {@code jcc rel32}, even when rel8 would reach, so the displacement can be patched later. */
    public void jccNear(Cond c, Label l) {
        emit(0x0F);
        emit(0x80 | c.code());
        rel32(l);
    }

    // ---------------------------------------------------------------- SSE2 double

    public void movq(Xmm dst, Reg src) {
        rr(0x66, true, 0x0F6E, dst.code(), src.code());
    }

    public void movq(Reg dst, Xmm src) {
        rr(0x66, true, 0x0F7E, src.code(), dst.code());
    }

    public void movsd(Xmm dst, Mem src) { sse(Sse.MOVSD_LOAD, dst, src); }
    public void movsd(Mem dst, Xmm src) { sse(Sse.MOVSD_STORE, src, dst); }
    public void movsd(Xmm dst, Xmm src) { sse(Sse.MOVSD_LOAD, dst, src); }

    /** {@code movsd dst, [rip + l]}: loads a double from a constant pool entry. */
    public void movsd(Xmm dst, Label l) {
        ripRelative(Sse.MOVSD_LOAD.prefix, false, Sse.MOVSD_LOAD.opcode, dst.code(), l);
    }

    public void addsd(Xmm d, Xmm s) { sse(Sse.ADDSD, d, s); }
    public void addsd(Xmm d, Mem s) { sse(Sse.ADDSD, d, s); }
    public void subsd(Xmm d, Xmm s) { sse(Sse.SUBSD, d, s); }
    public void subsd(Xmm d, Mem s) { sse(Sse.SUBSD, d, s); }
    public void mulsd(Xmm d, Xmm s) { sse(Sse.MULSD, d, s); }
    public void mulsd(Xmm d, Mem s) { sse(Sse.MULSD, d, s); }
    public void divsd(Xmm d, Xmm s) { sse(Sse.DIVSD, d, s); }
    public void divsd(Xmm d, Mem s) { sse(Sse.DIVSD, d, s); }
    public void sqrtsd(Xmm d, Xmm s) { sse(Sse.SQRTSD, d, s); }
    public void sqrtsd(Xmm d, Mem s) { sse(Sse.SQRTSD, d, s); }

    /** Compares as doubles into ZF/PF/CF; unordered (NaN) sets all three, so test {@link Cond#P} first. */
    public void ucomisd(Xmm a, Xmm b) { sse(Sse.UCOMISD, a, b); }
    public void ucomisd(Xmm a, Mem b) { sse(Sse.UCOMISD, a, b); }

    public void xorpd(Xmm d, Xmm s) { sse(Sse.XORPD, d, s); }
    public void andpd(Xmm d, Xmm s) { sse(Sse.ANDPD, d, s); }

    /** Converts the signed 64-bit integer in {@code src}. */
    public void cvtsi2sd(Xmm dst, Reg src) {
        rr(0xF2, true, 0x0F2A, dst.code(), src.code());
    }

    /** Converts to a signed 64-bit integer, truncating; NaN and out-of-range give {@code Long.MIN_VALUE}. */
    public void cvttsd2si(Reg dst, Xmm src) {
        rr(0xF2, true, 0x0F2C, dst.code(), src.code());
    }

    // ---------------------------------------------------------------- padding and data

    public void int3() {
        emit(0xCC);
    }

    public void nop() {
        emit(0x90);
    }

    /** Pads with nops (the longest ones first) up to a multiple of {@code n}, a power of two. */
    public void align(int n) {
        if (n <= 0 || Integer.bitCount(n) != 1) throw new IllegalArgumentException("alignment must be a power of two, not " + n);
        int pad = -size & (n - 1);
        while (pad > 0) {
            byte[] nop = NOPS[Math.min(pad, NOPS.length - 1)];
            for (byte b : nop) emit(b);
            pad -= nop.length;
        }
    }

    /** Eight raw little-endian bytes, e.g. a constant pool entry. */
    public void emitLong(long v) {
        emitInt((int) v);
        emitInt((int) (v >>> 32));
    }

    // ---------------------------------------------------------------- encoding

    private void alu(Alu op, Reg dst, Reg src) {
        rr(NO_PREFIX, true, op.ext << 3 | 1, src.code(), dst.code());
    }

    private void alu(Alu op, Reg dst, Mem src) {
        rm(NO_PREFIX, true, op.ext << 3 | 3, dst.code(), src);
    }

    private void alu(Alu op, Mem dst, Reg src) {
        rm(NO_PREFIX, true, op.ext << 3 | 1, src.code(), dst);
    }

    private void alu(Alu op, boolean w, Reg dst, int imm) {
        if (isInt8(imm)) {
            rr(NO_PREFIX, w, 0x83, op.ext, dst.code());
            emit(imm);
        } else if (dst == Reg.RAX) {
            // The accumulator form is a byte shorter than 81 /ext, and it is what `as` emits.
            if (w) emit(REX | REX_W);
            emit(op.ext << 3 | 5);
            emitInt(imm);
        } else {
            rr(NO_PREFIX, w, 0x81, op.ext, dst.code());
            emitInt(imm);
        }
    }

    private void alu(Alu op, boolean w, Mem dst, int imm) {
        boolean short8 = isInt8(imm);
        rm(NO_PREFIX, w, short8 ? 0x83 : 0x81, op.ext, dst);
        immediate(imm, short8);
    }

    private void shift(Shift op, Reg r, int n) {
        if (n < 0 || n > 63) throw new IllegalArgumentException("shift count must be 0..63, not " + n);
        if (n == 1) {
            rr(NO_PREFIX, true, 0xD1, op.ext, r.code());
        } else {
            rr(NO_PREFIX, true, 0xC1, op.ext, r.code());
            emit(n);
        }
    }

    private void sse(Sse op, Xmm reg, Xmm rm) {
        rr(op.prefix, false, op.opcode, reg.code(), rm.code());
    }

    private void sse(Sse op, Xmm reg, Mem rm) {
        rm(op.prefix, false, op.opcode, reg.code(), rm);
    }

    /** An instruction with a register-direct ModRM: {@code reg} is a register code or an opcode extension. */
    private void rr(int prefix, boolean w, int opcode, int reg, int rm) {
        if (prefix != NO_PREFIX) emit(prefix);
        rex(w, reg, 0, rm);
        opcode(opcode);
        emit(0xC0 | (reg & 7) << 3 | rm & 7);
    }

    /**
     * {@link #rr} for instructions whose ModRM rm is a byte register: without a REX prefix, codes 4..7
     * mean AH/CH/DH/BH, so SPL/BPL/SIL/DIL need an empty REX.
     */
    private void byteRr(int opcode, int reg, int rm) {
        if (rm >= 4 && rm < 8 && reg < 8) emit(REX);
        rr(NO_PREFIX, false, opcode, reg, rm);
    }

    /** An instruction with a memory ModRM: {@code reg} is a register code or an opcode extension. */
    private void rm(int prefix, boolean w, int opcode, int reg, Mem m) {
        if (prefix != NO_PREFIX) emit(prefix);
        rex(w, reg, m.index() == null ? 0 : m.index().code(), m.base().code());
        opcode(opcode);
        address(reg & 7, m);
    }

    /** An instruction addressing {@code [rip + disp32]} where the displacement reaches a label. */
    private void ripRelative(int prefix, boolean w, int opcode, int reg, Label l) {
        if (prefix != NO_PREFIX) emit(prefix);
        rex(w, reg, 0, 0);
        opcode(opcode);
        emit((reg & 7) << 3 | 5);
        rel32(l);
    }

    /** Emits a REX prefix when any of W, R, X, B is needed; the arguments are full register codes. */
    private void rex(boolean w, int reg, int index, int base) {
        int bits = (w ? REX_W : 0) | (reg >> 3) << 2 | (index >> 3) << 1 | base >> 3;
        if (bits != 0) emit(REX | bits);
    }

    /** One- or two-byte opcodes; two-byte ones are written as {@code 0x0Fxx}. */
    private void opcode(int opcode) {
        if (opcode > 0xFF) emit(opcode >> 8);
        emit(opcode);
    }

    /** ModRM, SIB and displacement of a memory operand. */
    private void address(int reg, Mem m) {
        int base = m.base().code() & 7;
        // Base 101 with mod 00 means rip-relative (or no base under a SIB), so rbp/r13 always take a displacement.
        int mod = m.disp() == 0 && base != 0b101 ? 0b00 : isInt8(m.disp()) ? 0b01 : 0b10;
        // rm 100 means "a SIB byte follows", so rsp/r12 as a base can only be written through one.
        if (m.index() != null || base == 0b100) {
            emit(mod << 6 | reg << 3 | 0b100);
            int index = m.index() == null ? 0b100 : m.index().code() & 7;
            emit(Integer.numberOfTrailingZeros(m.scale()) << 6 | index << 3 | base);
        } else {
            emit(mod << 6 | reg << 3 | base);
        }
        if (mod == 0b01) emit(m.disp());
        else if (mod == 0b10) emitInt(m.disp());
    }

    private void immediate(int imm, boolean short8) {
        if (short8) emit(imm);
        else emitInt(imm);
    }

    private boolean inShortReach(Label l) {
        owned(l);
        return l.position >= 0 && isInt8(l.position - (size + 2));
    }

    /** A rel32 field measured from its own end, which is the instruction's end for every user. */
    private void rel32(Label l) {
        owned(l);
        int end = size + 4;
        if (l.position >= 0) {
            emitInt(l.position - end);
        } else {
            fixups.add(new Fixup(l, size, end));
            emitInt(0);
        }
    }

    private void owned(Label l) {
        if (l.owner != this) throw new IllegalArgumentException("label belongs to another assembler");
    }

    private static boolean isInt8(int v) {
        return v == (byte) v;
    }

    private void emit(int b) {
        if (size == code.length) code = Arrays.copyOf(code, size * 2);
        code[size++] = (byte) b;
    }

    private void emitInt(int v) {
        for (int i = 0; i < 4; i++) emit(v >>> 8 * i);
    }

    private void putInt(int at, int v) {
        for (int i = 0; i < 4; i++) code[at + i] = (byte) (v >>> 8 * i);
    }
}
