package dev.roast.codegen.x64;

/** Writes operands the way GNU {@code as} reads them in {@code .intel_syntax noprefix}, for the encoding cases. */
final class IntelSyntax {
    private static final String[] LOW_32 = {"eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi"};
    private static final String[] LOW_8 = {"al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil"};

    private IntelSyntax() {}

    static String q(Reg r) {
        return r.name().toLowerCase();
    }

    static String d(Reg r) {
        return r.code() < 8 ? LOW_32[r.code()] : q(r) + "d";
    }

    static String b(Reg r) {
        return r.code() < 8 ? LOW_8[r.code()] : q(r) + "b";
    }

    static String x(Xmm x) {
        return x.name().toLowerCase();
    }

    static String cc(Cond c) {
        return c.name().toLowerCase();
    }

    /** {@code [base+index*scale+disp]}, leaving out what is absent so that {@code as} picks the encoding itself. */
    static String mem(Mem m) {
        var s = new StringBuilder("[").append(q(m.base()));
        if (m.index() != null) s.append('+').append(q(m.index())).append('*').append(m.scale());
        if (m.disp() > 0) s.append('+').append(m.disp());
        else if (m.disp() < 0) s.append(m.disp());
        return s.append(']').toString();
    }

    static String qword(Mem m) {
        return "qword ptr " + mem(m);
    }

    static String dword(Mem m) {
        return "dword ptr " + mem(m);
    }

    /** A 64-bit value as the unsigned hex {@code as} takes for {@code movabs} and {@code .quad} without overflow warnings. */
    static String hex64(long v) {
        return "0x" + Long.toHexString(v);
    }
}
