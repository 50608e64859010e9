package dev.roast.codegen.memory;

import java.util.Arrays;

/** Small x86-64 functions encoded by hand (System V calling convention), so these tests need no assembler. */
final class HandEncoded {
    private HandEncoded() {}

    /** long add(long a, long b): mov rax, rdi; add rax, rsi; ret. */
    static final byte[] ADD = bytes(0x48, 0x89, 0xf8, 0x48, 0x01, 0xf0, 0xc3);

    /** long sub(long a, long b): mov rax, rdi; sub rax, rsi; ret. */
    static final byte[] SUB = bytes(0x48, 0x89, 0xf8, 0x48, 0x29, 0xf0, 0xc3);

    /** long mul(long a, long b): mov rax, rdi; imul rax, rsi; ret. */
    static final byte[] MUL = bytes(0x48, 0x89, 0xf8, 0x48, 0x0f, 0xaf, 0xc6, 0xc3);

    /** long plusSeven(long a): lea rax, [rdi + 7]; ret. */
    static final byte[] PLUS_SEVEN = bytes(0x48, 0x8d, 0x47, 0x07, 0xc3);

    /**
     * long callThenIncrement(long a, long (*f)(long)): returns f(a) + 1. The rsp adjustment keeps the stack
     * 16-byte aligned at the call, as the ABI (and the upcall stub) expects.
     * sub rsp, 8; call rsi; add rsp, 8; add rax, 1; ret.
     */
    static final byte[] CALL_THEN_INCREMENT = bytes(
            0x48, 0x83, 0xec, 0x08,
            0xff, 0xd6,
            0x48, 0x83, 0xc4, 0x08,
            0x48, 0x83, 0xc0, 0x01,
            0xc3);

    /** long constant(): mov eax, value; ret (value is zero-extended into rax). */
    static byte[] returning(int value) {
        return bytes(0xb8, value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, value >>> 24, 0xc3);
    }

    /** {@link #returning(int)} behind {@code nops} one-byte nops, to make a function of any size. */
    static byte[] returningAfterNops(int value, int nops) {
        byte[] tail = returning(value);
        byte[] code = new byte[nops + tail.length];
        Arrays.fill(code, 0, nops, (byte) 0x90);
        System.arraycopy(tail, 0, code, nops, tail.length);
        return code;
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) b[i] = (byte) values[i];
        return b;
    }
}
