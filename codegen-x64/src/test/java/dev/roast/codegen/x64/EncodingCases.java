package dev.roast.codegen.x64;

import static dev.roast.codegen.x64.IntelSyntax.b;
import static dev.roast.codegen.x64.IntelSyntax.cc;
import static dev.roast.codegen.x64.IntelSyntax.d;
import static dev.roast.codegen.x64.IntelSyntax.dword;
import static dev.roast.codegen.x64.IntelSyntax.hex64;
import static dev.roast.codegen.x64.IntelSyntax.mem;
import static dev.roast.codegen.x64.IntelSyntax.q;
import static dev.roast.codegen.x64.IntelSyntax.qword;
import static dev.roast.codegen.x64.IntelSyntax.x;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Every encoding case, generated systematically over registers, addresses and immediates.
 *
 * <p>{@code main} prints the case texts one per line; {@code scripts/gen-encodings} assembles them
 * with GNU {@code as} into the table {@link AssemblerEncodingTest} compares against.
 */
final class EncodingCases {
    static final Reg[] REGS = Reg.values();
    static final Xmm[] XMMS = Xmm.values();

    /** Immediates at the edges of imm8 and imm32. */
    static final int[] IMM32 = {
        0, 1, -1, 2, 127, 128, -128, -129, 255, 256, 0x7FFF, 0x8000, -0x8000, 0x12345678,
        Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE + 1,
    };

    /** 64-bit constants at the edges of each {@code mov r, imm} form. */
    static final long[] IMM64 = {
        0, 1, -1, 127, 128, -128, -129, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x8000_0000L, 0xFFFF_FFFFL,
        0x1_0000_0000L, -0x8000_0001L, -0x1_0000_0000L, 0x0123_4567_89AB_CDEFL, 0xFFFC_0000_0000_0001L,
        Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1,
    };

    /** Displacements: none, disp8 at both edges, just past them (disp32), and disp32 at both edges. */
    static final int[] DISPS = {0, 1, -1, 127, -128, 128, -129, 0x1234_5678, Integer.MAX_VALUE, Integer.MIN_VALUE};

    private final Map<String, EncodingCase> cases = new LinkedHashMap<>();

    private EncodingCases() {}

    public static void main(String[] args) {
        for (EncodingCase c : all()) System.out.println(c.text());
    }

    static List<EncodingCase> all() {
        var c = new EncodingCases();
        c.moves();
        c.alu();
        c.multiplyDivideShift();
        c.bytesAndConditions();
        c.stackAndJumps();
        c.labels();
        c.sse();
        c.paddingAndData();
        return List.copyOf(c.cases.values());
    }

    /** Every base with every displacement size, and every base/index/scale combination (with displacements cycling). */
    static List<Mem> everyAddress() {
        var out = new ArrayList<Mem>();
        for (Reg base : REGS) for (int disp : DISPS) out.add(Mem.of(base, disp));
        int i = 0;
        for (Reg base : REGS) {
            for (Reg index : REGS) {
                if (index == Reg.RSP) continue;
                for (int scale = 1; scale <= 8; scale *= 2) out.add(Mem.of(base, index, scale, DISPS[i++ % DISPS.length]));
            }
        }
        return out;
    }

    /**
     * A sample for instructions that differ from others only in opcode: each base (with disp 0, disp8 and
     * disp32 in turn), each index, each scale, and the bases that need a SIB or a zero disp8 under an index.
     */
    static List<Mem> someAddresses() {
        var out = new ArrayList<Mem>();
        int[] disps = {0, -128, 0x1000};
        for (Reg base : REGS) out.add(Mem.of(base, disps[base.code() % 3]));
        int i = 0;
        for (Reg index : REGS) {
            if (index == Reg.RSP) continue;
            out.add(Mem.of(REGS[(index.code() * 7 + 3) % 16], index, 1 << (i % 4), DISPS[i % DISPS.length]));
            i++;
        }
        for (Reg base : List.of(Reg.RSP, Reg.RBP, Reg.R12, Reg.R13)) {
            out.add(Mem.of(base, Reg.RAX, 8, 0));
            out.add(Mem.of(base, Reg.R15, 2, -8));
        }
        return out;
    }

    /** Pairs that put every register in both operands and every REX.R/REX.B combination, for instructions that only differ in opcode. */
    static List<Reg[]> somePairs() {
        var out = new ArrayList<Reg[]>();
        for (Reg r : REGS) {
            out.add(new Reg[] {r, REGS[(r.code() + 3) % 16]});
            out.add(new Reg[] {REGS[(r.code() + 11) % 16], r});
        }
        return out;
    }

    private void add(String text, Consumer<Assembler> emit) {
        cases.putIfAbsent(text, new EncodingCase(text, emit));
    }

    static List<Reg[]> allPairs() {
        var out = new ArrayList<Reg[]>();
        for (Reg a : REGS) for (Reg b : REGS) out.add(new Reg[] {a, b});
        return out;
    }

    // ---------------------------------------------------------------- moves

    private void moves() {
        for (Reg a : REGS) {
            for (Reg b : REGS) {
                add("mov " + q(a) + ", " + q(b), asm -> asm.mov(a, b));
                add("mov " + d(a) + ", " + d(b), asm -> asm.mov32(a, b));
            }
        }
        List<Mem> every = everyAddress();
        for (int i = 0; i < every.size(); i++) {
            Mem m = every.get(i);
            Reg r = REGS[i % 16];
            add("mov " + q(r) + ", " + qword(m), asm -> asm.mov(r, m));
        }
        List<Mem> some = someAddresses();
        for (int i = 0; i < some.size(); i++) {
            Mem m = some.get(i);
            Reg r = REGS[(i * 5 + 1) % 16];
            int imm = IMM32[i % IMM32.length];
            add("mov " + qword(m) + ", " + q(r), asm -> asm.mov(m, r));
            add("mov " + d(r) + ", " + dword(m), asm -> asm.mov32(r, m));
            add("mov " + dword(m) + ", " + d(r), asm -> asm.mov32(m, r));
            add("mov " + qword(m) + ", " + imm, asm -> asm.mov(m, imm));
            add("mov " + dword(m) + ", " + imm, asm -> asm.mov32(m, imm));
            add("lea " + q(r) + ", " + mem(m), asm -> asm.lea(r, m));
        }
        for (int imm : IMM32) {
            Mem m = Mem.of(Reg.R12, Reg.RBP, 4, -8);
            add("mov " + qword(m) + ", " + imm, asm -> asm.mov(m, imm));
            add("mov " + dword(m) + ", " + imm, asm -> asm.mov32(m, imm));
        }
        // mov(Reg, long): every register with each of the three forms, and every edge on a few registers.
        for (Reg r : REGS) for (long imm : new long[] {0, -1, 0xFFFF_FFFFL, 0x1_0000_0000L}) movImm(r, imm);
        for (Reg r : List.of(Reg.RAX, Reg.RSP, Reg.R8, Reg.R15)) for (long imm : IMM64) movImm(r, imm);
    }

    private void movImm(Reg r, long imm) {
        String text;
        if (imm >= 0 && imm <= 0xFFFF_FFFFL) text = "mov " + d(r) + ", " + imm;
        else if (imm == (int) imm) text = "mov " + q(r) + ", " + imm;
        else text = "movabs " + q(r) + ", " + hex64(imm);
        add(text, asm -> asm.mov(r, imm));
    }

    // ---------------------------------------------------------------- ALU

    /** One ALU operation in all five operand forms, as the API names them. */
    private record AluForms(String mnemonic, Rr rr, Rm rm, Mr mr, Ri ri, Mi mi) {}

    private interface Rr { void emit(Assembler a, Reg dst, Reg src); }
    private interface Rm { void emit(Assembler a, Reg r, Mem m); }
    private interface Mr { void emit(Assembler a, Mem m, Reg r); }
    private interface Ri { void emit(Assembler a, Reg r, int imm); }
    private interface Mi { void emit(Assembler a, Mem m, int imm); }

    private void alu() {
        List<AluForms> ops = List.of(
                new AluForms("add", Assembler::add, Assembler::add, Assembler::add, Assembler::add, Assembler::add),
                new AluForms("sub", Assembler::sub, Assembler::sub, Assembler::sub, Assembler::sub, Assembler::sub),
                new AluForms("and", Assembler::and, Assembler::and, Assembler::and, Assembler::and, Assembler::and),
                new AluForms("or", Assembler::or, Assembler::or, Assembler::or, Assembler::or, Assembler::or),
                new AluForms("xor", Assembler::xor, Assembler::xor, Assembler::xor, Assembler::xor, Assembler::xor),
                new AluForms("cmp", Assembler::cmp, Assembler::cmp, Assembler::cmp, Assembler::cmp, Assembler::cmp));
        List<Mem> some = someAddresses();
        for (AluForms op : ops) {
            // add gets every pair; the others share its encoding apart from the opcode byte.
            List<Reg[]> pairs = op.mnemonic.equals("add") ? allPairs() : somePairs();
            for (Reg[] p : pairs) add(op.mnemonic + " " + q(p[0]) + ", " + q(p[1]), asm -> op.rr.emit(asm, p[0], p[1]));
            for (int i = 0; i < some.size(); i++) {
                Mem m = some.get(i);
                Reg r = REGS[(i * 3 + 2) % 16];
                int imm = IMM32[i % IMM32.length];
                add(op.mnemonic + " " + q(r) + ", " + qword(m), asm -> op.rm.emit(asm, r, m));
                add(op.mnemonic + " " + qword(m) + ", " + q(r), asm -> op.mr.emit(asm, m, r));
                add(op.mnemonic + " " + qword(m) + ", " + imm, asm -> op.mi.emit(asm, m, imm));
            }
            // rax has the short accumulator form for imm32; imm8 must still win over it.
            for (Reg r : REGS) for (int imm : new int[] {-1, 0x1000}) add(op.mnemonic + " " + q(r) + ", " + imm, asm -> op.ri.emit(asm, r, imm));
            for (Reg r : List.of(Reg.RAX, Reg.RCX, Reg.R8)) {
                for (int imm : IMM32) add(op.mnemonic + " " + q(r) + ", " + imm, asm -> op.ri.emit(asm, r, imm));
            }
            for (int imm : IMM32) {
                Mem m = Mem.of(Reg.R13, 16);
                add(op.mnemonic + " " + qword(m) + ", " + imm, asm -> op.mi.emit(asm, m, imm));
            }
        }
        for (Reg a : REGS) for (Reg b : REGS) add("cmp " + d(a) + ", " + d(b), asm -> asm.cmp32(a, b));
        for (Reg r : REGS) for (int imm : new int[] {-1, 0x1000}) add("cmp " + d(r) + ", " + imm, asm -> asm.cmp32(r, imm));
        for (Reg r : List.of(Reg.RAX, Reg.RDI, Reg.R9)) for (int imm : IMM32) add("cmp " + d(r) + ", " + imm, asm -> asm.cmp32(r, imm));
        for (int i = 0; i < some.size(); i++) {
            Mem m = some.get(i);
            int imm = IMM32[(i + 3) % IMM32.length];
            add("cmp " + dword(m) + ", " + imm, asm -> asm.cmp32(m, imm));
            add("add " + dword(m) + ", " + imm, asm -> asm.add32(m, imm));
            add("test " + qword(m) + ", " + imm, asm -> asm.test(m, imm));
            add("inc " + qword(m), asm -> asm.inc(m));
            add("dec " + qword(m), asm -> asm.dec(m));
            add("inc " + dword(m), asm -> asm.inc32(m));
            add("dec " + dword(m), asm -> asm.dec32(m));
        }
        for (int imm : IMM32) {
            Mem m = Mem.of(Reg.RSP, 8);
            add("cmp " + dword(m) + ", " + imm, asm -> asm.cmp32(m, imm));
            add("add " + dword(m) + ", " + imm, asm -> asm.add32(m, imm));
            add("test " + qword(m) + ", " + imm, asm -> asm.test(m, imm));
        }
        for (Reg[] p : allPairs()) add("test " + q(p[0]) + ", " + q(p[1]), asm -> asm.test(p[0], p[1]));
        for (Reg r : REGS) for (int imm : new int[] {1, -1}) add("test " + q(r) + ", " + imm, asm -> asm.test(r, imm));
        for (Reg r : List.of(Reg.RAX, Reg.RBX, Reg.R9)) for (int imm : IMM32) add("test " + q(r) + ", " + imm, asm -> asm.test(r, imm));
        for (Reg r : REGS) {
            add("neg " + q(r), asm -> asm.neg(r));
            add("not " + q(r), asm -> asm.not(r));
        }
    }

    // ---------------------------------------------------------------- multiply, divide, shift

    private void multiplyDivideShift() {
        for (Reg[] p : allPairs()) add("imul " + q(p[0]) + ", " + q(p[1]), asm -> asm.imul(p[0], p[1]));
        List<Mem> some = someAddresses();
        for (int i = 0; i < some.size(); i++) {
            Mem m = some.get(i);
            Reg r = REGS[(i * 7 + 5) % 16];
            add("imul " + q(r) + ", " + qword(m), asm -> asm.imul(r, m));
        }
        int k = 0;
        for (Reg a : REGS) {
            for (Reg b : REGS) {
                int imm = IMM32[k++ % IMM32.length];
                add("imul " + q(a) + ", " + q(b) + ", " + imm, asm -> asm.imul(a, b, imm));
            }
        }
        for (int imm : IMM32) add("imul r11, r12, " + imm, asm -> asm.imul(Reg.R11, Reg.R12, imm));
        add("cqo", Assembler::cqo);
        add("cdq", Assembler::cdq);
        for (Reg r : REGS) {
            add("mul " + q(r), asm -> asm.mul(r));
            add("idiv " + q(r), asm -> asm.idiv(r));
            add("idiv " + d(r), asm -> asm.idiv32(r));
            add("shl " + q(r) + ", cl", asm -> asm.shlCl(r));
            add("shr " + q(r) + ", cl", asm -> asm.shrCl(r));
            add("sar " + q(r) + ", cl", asm -> asm.sarCl(r));
            for (int n : new int[] {0, 1, 2, 31, 32, 63}) {
                add("shl " + q(r) + ", " + n, asm -> asm.shl(r, n));
                add("shr " + q(r) + ", " + n, asm -> asm.shr(r, n));
                add("sar " + q(r) + ", " + n, asm -> asm.sar(r, n));
            }
        }
    }

    // ---------------------------------------------------------------- byte registers and conditions

    private void bytesAndConditions() {
        for (Cond c : Cond.values()) {
            for (Reg r : REGS) add("set" + cc(c) + " " + b(r), asm -> asm.setcc(c, r));
        }
        for (Reg a : REGS) for (Reg b : REGS) add("movzx " + d(a) + ", " + b(b), asm -> asm.movzx8(a, b));
        for (Reg a : REGS) for (Reg b : REGS) add("cmove " + q(a) + ", " + q(b), asm -> asm.cmov(Cond.E, a, b));
        for (Cond c : Cond.values()) {
            add("cmov" + cc(c) + " rdx, r9", asm -> asm.cmov(c, Reg.RDX, Reg.R9));
            Mem m = Mem.of(Reg.RBP, -24);
            add("cmov" + cc(c) + " r10, " + qword(m), asm -> asm.cmov(c, Reg.R10, m));
        }
        List<Mem> some = someAddresses();
        for (int i = 0; i < some.size(); i++) {
            Mem m = some.get(i);
            Reg r = REGS[(i * 9 + 4) % 16];
            add("cmovl " + q(r) + ", " + qword(m), asm -> asm.cmov(Cond.L, r, m));
        }
    }

    // ---------------------------------------------------------------- stack, calls and indirect jumps

    private void stackAndJumps() {
        add("ret", Assembler::ret);
        for (Reg r : REGS) {
            add("push " + q(r), asm -> asm.push(r));
            add("pop " + q(r), asm -> asm.pop(r));
            add("call " + q(r), asm -> asm.call(r));
            add("jmp " + q(r), asm -> asm.jmp(r));
        }
        for (Mem m : someAddresses()) {
            add("call " + qword(m), asm -> asm.call(m));
            add("jmp " + qword(m), asm -> asm.jmp(m));
        }
    }

    // ---------------------------------------------------------------- labels

    /** Branches as short snippets; {@code {disp32}} asks {@code as} for the rel32 this assembler uses for forward and near jumps. */
    private void labels() {
        for (Cond c : Cond.values()) {
            String j = "j" + cc(c);
            add("1: " + j + " 1b", asm -> { Label l = bound(asm); asm.jcc(c, l); });
            add("1: .fill 126,1,0x90; " + j + " 1b", asm -> { Label l = bound(asm); nops(asm, 126); asm.jcc(c, l); });
            add("1: .fill 127,1,0x90; " + j + " 1b", asm -> { Label l = bound(asm); nops(asm, 127); asm.jcc(c, l); });
            add("{disp32} " + j + " 1f; nop; 1:", asm -> {
                Label l = asm.newLabel();
                asm.jcc(c, l);
                asm.nop();
                asm.bind(l);
            });
            add("1: {disp32} " + j + " 1b", asm -> asm.jccNear(c, bound(asm)));
            add("{disp32} " + j + " 1f; 1:", asm -> {
                Label l = asm.newLabel();
                asm.jccNear(c, l);
                asm.bind(l);
            });
        }
        add("1: jmp 1b", asm -> asm.jmp(bound(asm)));
        add("1: .fill 126,1,0x90; jmp 1b", asm -> { Label l = bound(asm); nops(asm, 126); asm.jmp(l); });
        add("1: .fill 127,1,0x90; jmp 1b", asm -> { Label l = bound(asm); nops(asm, 127); asm.jmp(l); });
        add("{disp32} jmp 1f; 1:", asm -> forward(asm, 0, asm::jmp));
        add("{disp32} jmp 1f; .fill 5,1,0x90; 1:", asm -> forward(asm, 5, asm::jmp));
        add("{disp32} jmp 1f; .fill 300,1,0x90; 1:", asm -> forward(asm, 300, asm::jmp));
        add("{disp32} jmp 1f; .fill 7,1,0x90; 1:", asm -> forward(asm, 7, asm::jmpNear));
        add("1: {disp32} jmp 1b", asm -> asm.jmpNear(bound(asm)));
        add("call 1f; 1:", asm -> forward(asm, 0, asm::call));
        add("call 1f; nop; 1:", asm -> forward(asm, 1, asm::call));
        add("1: call 1b", asm -> asm.call(bound(asm)));
        add("1: ret; .fill 200,1,0xcc; call 1b", asm -> {
            Label l = bound(asm);
            asm.ret();
            for (int i = 0; i < 200; i++) asm.int3();
            asm.call(l);
        });
        // Several references to two labels, in both directions, resolved together.
        add("1: nop; {disp32} je 2f; jmp 1b; {disp32} jmp 2f; int3; 2: ret; jne 1b; call 1b", asm -> {
            Label one = bound(asm);
            Label two = asm.newLabel();
            asm.nop();
            asm.jcc(Cond.E, two);
            asm.jmp(one);
            asm.jmp(two);
            asm.int3();
            asm.bind(two);
            asm.ret();
            asm.jcc(Cond.NE, one);
            asm.call(one);
        });
        // rip-relative loads and addresses of constant pool entries, forward and backward.
        for (Reg r : REGS) {
            add("lea " + q(r) + ", [rip+1f]; 1:", asm -> {
                Label l = asm.newLabel();
                asm.lea(r, l);
                asm.bind(l);
            });
            add("1: .quad 0x1122334455667788; mov " + q(r) + ", qword ptr [rip+1b]", asm -> {
                Label l = bound(asm);
                asm.emitLong(0x1122334455667788L);
                asm.mov(r, l);
            });
        }
        for (Xmm x : XMMS) {
            add("movsd " + x(x) + ", qword ptr [rip+1f]; ret; 1: .quad 0x3ff0000000000000", asm -> {
                Label l = asm.newLabel();
                asm.movsd(x, l);
                asm.ret();
                asm.bind(l);
                asm.emitLong(0x3ff0000000000000L);
            });
        }
    }

    private static Label bound(Assembler asm) {
        Label l = asm.newLabel();
        asm.bind(l);
        return l;
    }

    /** A forward branch over {@code gap} nops. */
    private static void forward(Assembler asm, int gap, Consumer<Label> branch) {
        Label l = asm.newLabel();
        branch.accept(l);
        nops(asm, gap);
        asm.bind(l);
    }

    private static void nops(Assembler asm, int n) {
        for (int i = 0; i < n; i++) asm.nop();
    }

    // ---------------------------------------------------------------- SSE2

    /** An SSE2 operation with its register and (if any) memory source forms. */
    private record SseForms(String mnemonic, XmmXmm rr, XmmMem rm) {}

    private interface XmmXmm { void emit(Assembler a, Xmm dst, Xmm src); }
    private interface XmmMem { void emit(Assembler a, Xmm dst, Mem src); }

    private void sse() {
        List<SseForms> ops = List.of(
                new SseForms("movsd", Assembler::movsd, Assembler::movsd),
                new SseForms("addsd", Assembler::addsd, Assembler::addsd),
                new SseForms("subsd", Assembler::subsd, Assembler::subsd),
                new SseForms("mulsd", Assembler::mulsd, Assembler::mulsd),
                new SseForms("divsd", Assembler::divsd, Assembler::divsd),
                new SseForms("sqrtsd", Assembler::sqrtsd, Assembler::sqrtsd),
                new SseForms("ucomisd", Assembler::ucomisd, Assembler::ucomisd),
                new SseForms("xorpd", Assembler::xorpd, null),
                new SseForms("andpd", Assembler::andpd, null));
        List<Mem> some = someAddresses();
        for (SseForms op : ops) {
            // A few get every pair; the rest differ from them only in the opcode, so pairs 3 and 5 apart
            // still put every register on both sides and cover every REX.R/REX.B combination.
            boolean everyPair = op.mnemonic.equals("movsd") || op.mnemonic.equals("addsd") || op.mnemonic.equals("ucomisd");
            for (Xmm a : XMMS) {
                for (Xmm b : XMMS) {
                    int apart = (b.code() - a.code() + 16) % 16;
                    if (!everyPair && apart != 3 && apart != 5) continue;
                    add(op.mnemonic + " " + x(a) + ", " + x(b), asm -> op.rr.emit(asm, a, b));
                }
            }
            if (op.rm == null) continue;
            for (int i = 0; i < some.size(); i++) {
                Mem m = some.get(i);
                Xmm x = XMMS[(i * 5 + 2) % 16];
                add(op.mnemonic + " " + x(x) + ", " + qword(m), asm -> op.rm.emit(asm, x, m));
            }
        }
        for (int i = 0; i < some.size(); i++) {
            Mem m = some.get(i);
            Xmm x = XMMS[(i * 3 + 7) % 16];
            add("movsd " + qword(m) + ", " + x(x), asm -> asm.movsd(m, x));
        }
        for (Xmm x : XMMS) {
            for (Reg r : REGS) {
                add("movq " + x(x) + ", " + q(r), asm -> asm.movq(x, r));
                add("movq " + q(r) + ", " + x(x), asm -> asm.movq(r, x));
                add("cvtsi2sd " + x(x) + ", " + q(r), asm -> asm.cvtsi2sd(x, r));
                add("cvttsd2si " + q(r) + ", " + x(x), asm -> asm.cvttsd2si(r, x));
            }
        }
    }

    // ---------------------------------------------------------------- padding and data

    private void paddingAndData() {
        add("int3", Assembler::int3);
        add("nop", Assembler::nop);
        for (int log = 0; log <= 6; log++) {
            int n = 1 << log;
            int lg = log;
            for (int before = 0; before <= Math.min(n, 20); before++) alignCase(n, lg, before);
            alignCase(n, lg, n - 1);
            alignCase(n, lg, n + 1);
        }
        for (long v : IMM64) add(".quad " + hex64(v), asm -> asm.emitLong(v));
    }

    private void alignCase(int n, int log, int before) {
        add((before > 0 ? ".fill " + before + ",1,0xcc; " : "") + ".p2align " + log, asm -> {
            for (int i = 0; i < before; i++) asm.int3();
            asm.align(n);
        });
    }
}
